import NNVizEngine
import NNVizScene

/// Decision regions at each snapshot of a training run as small multiples: one panel per snapshot epoch, all on
/// one colour scale and one plane, each titled with its epoch, loss and accuracy and showing the data (points
/// the snapshot misclassifies crossed), so the boundary can be watched forming from left to right.
///
/// Roles: `field` (raster, name `epoch E`), `panel-title` and `panel-stats` (name `epoch E`), `contour`, `point`,
/// `misclassified`, `axes-frame`, `axis-label`, `axis-title`, `legend`, `colorbar`.
public struct Filmstrip: Figure {
    /// The snapshots in the order drawn, each evaluated over the same grid.
    public let snapshots: [SnapshotField]
    /// The run's history; `history[e]` gives panel `e` its loss and accuracy.
    public let history: [EpochRecord]
    public let data: Matrix?
    public let labels: [Int]
    public var options: FigureOptions
    /// Panel titles and statistics replacing `epoch E` and the loss line (side-by-side networks, `compare`), and
    /// the subtitle's description of the panels.
    public var headers: [PanelHeader]?
    public var panelsDescription: String?
    /// A row per snapshot instead of a grid: its regions, then each hidden neuron's own regions small beside them
    /// (`compare` with `--neurons`; the fields need their hidden layers evaluated).
    public var neurons = false

    /// What a panel says above its plot when it is not a training snapshot.
    public struct PanelHeader: Equatable, Sendable {
        public var title: String
        public var stats: String
        public init(title: String, stats: String) { self.title = title; self.stats = stats }
    }

    public init(snapshots: [SnapshotField], history: [EpochRecord], data: Matrix? = nil, labels: [Int] = [],
                options: FigureOptions = FigureOptions()) {
        self.snapshots = snapshots; self.history = history; self.data = data; self.labels = labels; self.options = options
    }

    /// Side of a panel when neither width nor height is given.
    public static let defaultSide = 200.0
    /// The smallest panel side the layout shrinks to.
    public static let minimumSide = 60.0

    /// Columns when the size is automatic: one row up to four panels, else as few rows of at most five as hold them,
    /// filled evenly (8 → 4 × 2, 9 → 5 × 2, 11 → 4 × 3).
    public static func defaultColumns(_ n: Int) -> Int {
        guard n > 4 else { return Swift.max(1, n) }
        let rows = (n + 4) / 5
        return (n + rows - 1) / rows
    }

    /// The one colour scale of every panel (one output): the output activation's scale over all panels' values.
    public var sharedScale: ColorScale? {
        guard let first = snapshots.first, first.field.outputCount == 1 else { return nil }
        let net = first.network
        guard !hasMixedScales else { return nil }
        return RegionPlot.scale(net.layers[net.layers.count - 1].activation, values: snapshots.lazy.flatMap(\.field.values),
                                label: "output " + net.outputLabels[0], print: options.palette == .print)
    }

    /// Whether the panels' single outputs use different activations, so no one colour scale fits them all: each
    /// panel keeps its own (white at its decision threshold) and no colour bar is drawn.
    public var hasMixedScales: Bool {
        guard let first = snapshots.first else { return false }
        let a = first.network.layers[first.network.layers.count - 1].activation
        return snapshots.contains { $0.network.layers[$0.network.layers.count - 1].activation != a || $0.field.outputCount != first.field.outputCount }
    }

    /// The title of panel `i`: its header's, or `epoch E`.
    func panelTitle(_ i: Int) -> String { headers.map { $0[i].title } ?? "epoch \(snapshots[i].epoch)" }

    /// The statistics of panel `i`: its header's, or the loss and accuracy at its epoch.
    func panelStats(_ i: Int, short: Bool) -> String {
        headers.map { $0[i].stats } ?? Self.stats(record(snapshots[i].epoch), short: short)
    }

    /// The largest margin between the top two outputs over every panel (several outputs): the most saturated colour.
    var sharedMaxMargin: Float {
        var m: Float = 0
        for s in snapshots { for v in s.field.margins where v.isFinite { m = Swift.max(m, v) } }
        return m > 0 ? m : 1
    }

    /// The region plot of snapshot `i`, sharing the scale, margin and marker size of every panel.
    func plot(_ i: Int, side: Double) -> RegionPlot {
        let s = snapshots[i]
        var p = RegionPlot(network: s.network, field: s.field, data: data, labels: labels, trace: s.trace,
                           options: RegionOptions(figure: options))
        p.sharedScale = sharedScale
        p.sharedMaxMargin = sharedMaxMargin
        let rows = data?.rows ?? 0
        p.markerSize = rows > 200 ? (side < 260 ? 2 : 3) : rows > 40 ? (side < 260 ? 2.5 : 3.5) : (side < 160 ? 3.5 : side < 320 ? 4.5 : 6)
        p.countsMisclassified = false
        p.showsColorBar = !hasMixedScales
        return p
    }

    /// The record of `epoch`, if the history reaches it.
    func record(_ epoch: Int) -> EpochRecord? {
        epoch >= 0 && epoch < history.count && history[epoch].epoch == epoch ? history[epoch] : history.first { $0.epoch == epoch }
    }

    /// Loss with three significant digits and accuracy in per cent without a trailing `.0`: `loss 0.512 · 75 %`.
    static func stats(_ r: EpochRecord?, short: Bool) -> String {
        guard let r else { return "" }
        var acc = NumberFormat.fixed(r.accuracy * 100, decimals: 1)
        if acc.hasSuffix(".0") { acc.removeLast(2) }
        return short ? LossCurve.number(r.loss) + " · " + acc + " %"
            : "loss " + LossCurve.number(r.loss) + " · accuracy " + acc + " %"
    }
}
