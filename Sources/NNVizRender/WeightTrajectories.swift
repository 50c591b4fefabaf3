import NNVizEngine
import NNVizScene

/// Every weight's value over the epochs of a training run: one panel per layer on one shared value axis, each
/// weight a line coloured by its sign at each moment (blue above zero, orange below, as the diagram's edges), the
/// zero line dashed, and the name of each weight (`x1→h2`) at the end of its line when a layer has few weights.
///
/// Roles: `trajectory` (name `x1→h2`, one path per stretch of one sign), `zero`, `weight-label`, `panel-title`,
/// `axes-frame`, `axis-label`, `axis-title`.
public struct WeightTrajectories: Figure {
    /// The network at increasing epochs (all the same shape).
    public let snapshots: [TrainingSnapshot]
    public var options: FigureOptions

    /// Networks with more weights than this are not drawn (the lines would merge into a band).
    public static let maxWeights = 200
    /// Layers with at most this many weights get their names at the line ends.
    public static let maxLabelled = 12

    public init(snapshots: [TrainingSnapshot], options: FigureOptions = FigureOptions()) {
        self.snapshots = snapshots; self.options = options
    }

    /// The number of weights of a network (biases not counted).
    public static func weightCount(_ net: Network) -> Int { net.layers.reduce(0) { $0 + $1.fanIn * $1.fanOut } }

    /// The shared value range: every weight at every snapshot, rounded out to the ticks, always including 0.
    var valueRange: ClosedRange<Double> {
        var lo = 0.0, hi = 0.0
        for s in snapshots { for l in s.network.layers { for w in l.weights.data where w.isFinite { lo = Swift.min(lo, w); hi = Swift.max(hi, w) } } }
        if hi - lo < 1e-9 { return -1...1 }
        let pad = 0.05 * (hi - lo)
        return (lo - pad)...(hi + pad)
    }

    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = options
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        guard let first = snapshots.first, let last = snapshots.last else { return b.scene }
        let net = first.network
        let margin = 20.0
        let small = b.font(TextSize.small), bold = b.font(TextSize.body, bold: true)
        let layers = net.layers.count
        let labelW = net.layers.indices.map { l -> Double in
            guard net.layers[l].fanIn * net.layers[l].fanOut <= Self.maxLabelled else { return 0 }
            return (0..<net.layers[l].fanIn).flatMap { i in (0..<net.layers[l].fanOut).map { j in name(net, l, i, j) } }
                .map { b.measure($0, small).width + 8 }.max() ?? 0
        }
        let ax = PlotAxes.margins(in: b, yLabelSample: "−00.0")
        let W = o.width ?? Swift.max(640, Double(layers) * 300 + labelW.reduce(0, +) + ax.left + 2 * margin)
        let H = o.height ?? 420
        b.scene.width = W.rounded(.up); b.scene.height = H.rounded(.up)
        let title = o.title ?? (net.name + " · weights over training")
        let subtitle = "\(Self.weightCount(net)) weights from epoch \(first.epoch) to \(last.epoch); blue above 0, orange below"
        let top = b.title(title, subtitle: subtitle, margin: margin, top: margin) + 10
        let headerH = b.measure("Ag", bold).height + 6
        let plotH = Swift.max(60, H - top - headerH - ax.bottom - margin)
        let gap = 20.0
        let free = W - 2 * margin - ax.left - labelW.reduce(0, +) - Double(layers - 1) * gap
        let panelW = Swift.max(60, free / Double(layers))
        let range = valueRange
        let epochs = Double(first.epoch)...Double(Swift.max(last.epoch, first.epoch + 1))
        var x = margin + ax.left
        for l in 0..<layers {
            let layer = net.layers[l]
            let frame = Rect(x: x, y: top + headerH, width: panelW, height: plotH)
            let axes = PlotAxes(frame: frame, x: epochs, y: range, xTitle: "epoch", yTitle: "weight", name: layer.name)
            b.text(layer.name + " · \(layer.fanIn) × \(layer.fanOut) weights", at: Point(frame.x, frame.y - 6), font: bold,
                   baseline: .bottom, role: "panel-title", name: layer.name)
            b.add(.line(from: Point(frame.x, axes.sy(0)), to: Point(frame.maxX, axes.sy(0)),
                        stroke: Stroke(b.theme.mutedText, width: 1, dash: [4, 3])), role: "zero", name: layer.name)
            var ends: [(y: Double, text: String, color: Color)] = []
            for i in 0..<layer.fanIn {
                for j in 0..<layer.fanOut {
                    let label = name(net, l, i, j)
                    drawLine(l, i, j, axes: axes, name: label, into: &b)
                    let v = last.network.layers[l].weights[i, j]
                    if labelW[l] > 0, v.isFinite { ends.append((axes.sy(v), label, v >= 0 ? Palette.positiveText : Palette.negativeText)) }
                }
            }
            axes.draw(into: &b, tickLabels: true, titles: l == 0)
            if l > 0 {
                b.text("epoch", at: Point(frame.center.x, frame.maxY + b.measure("0", small).height + 10), font: b.font(TextSize.body),
                       anchor: .middle, baseline: .top, role: "axis-title", name: layer.name + " x")
            }
            placeLabels(ends, x: frame.maxX + 4, frame: frame, into: &b)
            x = frame.maxX + labelW[l] + gap
        }
        return b.scene
    }

    /// `x1→h2`: the weight from neuron `i` of the layer's input to neuron `j` of layer `l`.
    func name(_ net: Network, _ l: Int, _ i: Int, _ j: Int) -> String {
        (l == 0 ? net.inputLabels[i] : net.layers[l - 1].neuronLabels[i]) + "→" + net.layers[l].neuronLabels[j]
    }

    /// The weight's trajectory, one path per stretch of one sign (the segment crossing zero split at the crossing).
    private func drawLine(_ l: Int, _ i: Int, _ j: Int, axes: PlotAxes, name: String, into b: inout SceneBuilder) {
        var path = Path(), positive: Bool? = nil, prev: (Double, Double)? = nil
        func flush() {
            if path.elements.count > 1, let p = positive {
                b.add(.path(path, fill: nil, stroke: Stroke(p ? Palette.positive : Palette.negative, width: 1.5)), role: "trajectory", name: name)
            }
            path = Path()
        }
        for s in snapshots {
            let e = Double(s.epoch), v = s.network.layers[l].weights[i, j]
            guard v.isFinite else { flush(); positive = nil; prev = nil; continue }
            let sign = v >= 0
            if let (pe, pv) = prev, let p = positive, p != sign {
                let t = pv / (pv - v), ce = pe + t * (e - pe)
                path.line(to: axes.point(ce, 0))
                flush()
                path.move(to: axes.point(ce, 0))
            } else if prev == nil {
                path.move(to: axes.point(e, v))
            }
            path.line(to: axes.point(e, v))
            positive = sign; prev = (e, v)
        }
        flush()
    }

    /// Names at the line ends, pushed apart vertically so none overlap, kept inside the panel's height.
    private func placeLabels(_ ends: [(y: Double, text: String, color: Color)], x: Double, frame: Rect, into b: inout SceneBuilder) {
        let f = b.font(TextSize.small)
        let h = b.measure("Ag", f).height
        let sorted = ends.sorted { $0.y != $1.y ? $0.y < $1.y : $0.text < $1.text }
        var ys = sorted.map(\.y)
        for k in ys.indices.dropFirst() { ys[k] = Swift.max(ys[k], ys[k - 1] + h) }
        if let lastY = ys.last, lastY > frame.maxY {
            let shift = lastY - frame.maxY
            for k in ys.indices { ys[k] -= shift }
            for k in ys.indices.dropLast().reversed() { ys[k] = Swift.min(ys[k], ys[k + 1] - h) }
        }
        for (k, e) in sorted.enumerated() {
            b.text(e.text, at: Point(x, ys[k]), font: f, color: e.color, baseline: .middle, role: "weight-label", name: e.text)
        }
    }
}
