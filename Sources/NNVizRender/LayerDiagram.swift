import NNVizEngine
import NNVizScene

/// A layer diagram: neurons in columns, every weight an edge coloured by sign and sized by |w|, biases as
/// rings, optionally one sample's forward pass (neurons filled by activation, input and output values printed).
///
/// Roles: `node` (name = neuron label), `edge` (`x1→OR`), `edges` (a dense layer's `LineBatch`, name `layer 1`),
/// `edge-summary` (edges of elided neurons), `elision`, `header`, `weight-label`, `bias-label`, `value`, `legend`.
public struct LayerDiagram: Figure {
    public let network: Network
    public let trace: Trace?
    public let sample: Int
    public var options: DiagramOptions

    /// A diagram of `network`; with a trace, the forward pass of sample `sample` (clamped to the batch).
    public init(network: Network, trace: Trace? = nil, sample: Int = 0, options: DiagramOptions = DiagramOptions()) {
        self.network = network
        self.trace = trace
        self.sample = trace.map { Swift.min(Swift.max(0, sample), Swift.max(0, $0.batchSize - 1)) } ?? 0
        self.options = options
    }

    /// Total number of weights (edges) in the network.
    public var edgeCount: Int { network.layers.reduce(0) { $0 + $1.fanIn * $1.fanOut } }

    /// Edges the figure draws: one per weight between drawn neurons, plus the dashed summary edges of elided
    /// neurons; counted from the layer sizes alone, before any layout (saturating at `Int.max`).
    public var drawnEdgeCount: Int {
        let shown = network.sizes.map { n in (options.showAll || n <= options.maxNeurons) ? (n, false) : (options.maxNeurons, true) }
        var total = 0
        for k in 0..<(shown.count - 1) {
            let (src, srcElided) = shown[k], (dst, dstElided) = shown[k + 1]
            let (full, o1) = src.multipliedReportingOverflow(by: dst)
            var edges = full
            if srcElided { edges += dst + (dstElided ? 1 : 0) }
            if dstElided { edges += src }
            let (sum, o2) = total.addingReportingOverflow(edges)
            if o1 || o2 { return Int.max }
            total = sum
        }
        return total
    }

    /// Whether weight values are printed on edges.
    public var showsWeightLabels: Bool {
        let cols = columns
        if cols.contains(where: \.isElided) { return false }
        return options.weightLabels ?? (edgeCount <= 40)
    }

    var columns: [DiagramColumn] {
        network.sizes.map { DiagramColumn(count: $0, maxNeurons: options.maxNeurons, showAll: options.showAll) }
    }

    /// Labels of column `c` (0 = inputs).
    func labels(_ c: Int) -> [String] { c == 0 ? network.inputLabels : network.layers[c - 1].neuronLabels }

    /// Header of column `c`: `input · 4`, `hidden 1 · relu · 5`, `output · sigmoid · 1`.
    public func header(_ c: Int) -> String {
        if c == 0 { return "input · \(network.inputCount)" }
        let l = network.layers[c - 1]
        return "\(l.name) · \(l.activation.label) · \(l.fanOut)"
    }

    /// The largest |w| over every layer: edges in all layers share one width scale.
    public var maxAbsWeight: Double {
        var m = 0.0
        for l in network.layers { for w in l.weights.data where w.isFinite { m = Swift.max(m, abs(w)) } }
        return m
    }

    /// The value shown for neuron `i` of column `c` with the current sample (nil without a trace).
    func value(_ c: Int, _ i: Int) -> Double? {
        guard let t = trace, t.batchSize > 0 else { return nil }
        return t.activations(ofLayer: c)[sample, i]
    }

    /// The pre-activation `z` of neuron `i` of column `c` with the current sample (nil for inputs and without a trace).
    func preValue(_ c: Int, _ i: Int) -> Double? {
        guard c > 0, let t = trace, t.batchSize > 0 else { return nil }
        return t.pre[c - 1][sample, i]
    }

    /// How titles and captions name the sample shown: `the sample (1, 0)` when the batch holds only it (its values,
    /// up to six inputs), else its row from 0, `sample 3`, as NumPy counts rows; nil without a trace.
    public var sampleName: String? {
        guard let t = trace, t.batchSize > 0 else { return nil }
        guard t.batchSize == 1 else { return "sample \(sample)" }
        let values = t.input.row(0)
        guard values.count <= 6 else { return "the sample" }
        return "the sample (" + values.map { LabelFormat.short($0) }.joined(separator: ", ") + ")"
    }

    /// The colour scale of activations for the sample: viridis from 0 when every value is ≥ 0, otherwise
    /// diverging around 0; limits rounded out to a 1-2-5 step and at least 1 for bounded activations.
    public var activationScale: ColorScale? {
        guard let t = trace, t.batchSize > 0 else { return nil }
        var lo = 0.0, hi = 0.0
        for c in 0...network.layers.count {
            for v in t.activations(ofLayer: c).row(sample) where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        }
        let label = t.batchSize == 1 ? "activation" : "activation (sample \(sample))"
        if lo >= 0 {
            let top = hi <= 1 ? 1 : NiceTicks(0, hi, target: 4).step * (hi / NiceTicks(0, hi, target: 4).step).rounded(.up)
            return .sequential(0, top, label: label)
        }
        let m = Swift.max(-lo, hi)
        let step = NiceTicks(0, m, target: 2).step
        return .diverging(center: 0, halfRange: Swift.max(step, step * (m / step).rounded(.up)), label: label)
    }

    public func scene(measurer: any TextMeasurer) -> Scene {
        var layout = DiagramLayout(diagram: self, measurer: measurer, spacingBoost: 1)
        var result = layout.build()
        // Auto-sized diagrams grow until every weight label fits without overlapping.
        var boost = 1.0
        while result.unplacedLabels > 0 && options.figure.height == nil && boost < 2.5 {
            boost *= 1.25
            layout = DiagramLayout(diagram: self, measurer: measurer, spacingBoost: boost)
            result = layout.build()
        }
        return result.scene
    }
}
