import NNVizEngine
import NNVizScene

/// Decision regions of a network over a plane of two inputs, from a `GridField` the engine computed:
/// the shaded field as a raster, the decision boundary as vector contours, axes, a colour bar or class
/// legend, optional labelled data points (misclassified ones crossed) and optional hidden-neuron thumbnails.
///
/// Roles: `field` (raster), `contour`, `point` (name `class k #i`), `misclassified`, `colorbar`, `legend`,
/// `thumbnail` (raster, name `hidden · OR`), `thumb-title`, `thumb-contour`, `slice`.
public struct RegionPlot: Figure {
    public let network: Network
    public let field: GridField
    /// Points to overlay (`samples × inputs`), their classes, and the trace of the same points for predictions.
    public let data: Matrix?
    public let labels: [Int]
    public let trace: Trace?
    public var options: RegionOptions
    /// The class the network predicts for each traced data point (`Trace.predictedClasses`).
    public let predictions: [Int]
    /// Small multiples set these so every panel agrees: one colour scale (one output), one margin for the palest
    /// class colour (several outputs), one marker size, and a legend that names the crosses without counting them.
    var sharedScale: ColorScale?
    var sharedMaxMargin: Float?
    var markerSize: Double?
    var countsMisclassified = true
    /// Off when small multiples shade their panels on different scales, so no single colour bar is true.
    var showsColorBar = true

    public init(network: Network, field: GridField, data: Matrix? = nil, labels: [Int] = [], trace: Trace? = nil,
                options: RegionOptions = RegionOptions()) {
        self.network = network; self.field = field; self.data = data; self.labels = labels; self.trace = trace
        self.options = options
        predictions = trace?.predictedClasses(network.decisionRule) ?? []
    }

    /// The plotted ranges when none are given: the data's extent on the two axes plus 10 % (at least 0.25)
    /// on each side, or −0.5…1.5 without data.
    public static func defaultRanges(data: Matrix?, axes: (Int, Int)) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        guard let d = data, d.rows > 0, axes.0 < d.cols, axes.1 < d.cols else { return (-0.5...1.5, -0.5...1.5) }
        func range(_ c: Int) -> ClosedRange<Double> {
            var lo = Double.infinity, hi = -Double.infinity
            for r in 0..<d.rows where d[r, c].isFinite { lo = Swift.min(lo, d[r, c]); hi = Swift.max(hi, d[r, c]) }
            if !lo.isFinite { return -0.5...1.5 }
            let pad = Swift.max(0.25, 0.1 * (hi - lo))
            return (lo - pad)...(hi + pad)
        }
        return (range(axes.0), range(axes.1))
    }

    /// The diverging scale of a field of activation `a`: fixed for bounded activations, else symmetric around 0.
    /// ReLU fields (never negative) use viridis from 0 instead.
    static func scale<S: Sequence>(_ a: Activation, values: S, label: String, print: Bool = false) -> ColorScale where S.Element == Float {
        let map = print ? ColorMap.printRegions : ColorMap.orangeBlueLight
        switch a {
        case .sigmoid, .step, .softmax: return .diverging(center: 0.5, halfRange: 0.5, map: map, label: label)
        case .tanh: return .diverging(center: 0, halfRange: 1, map: map, label: label)
        case .relu:
            var m = 0.0
            for v in values where v.isFinite { m = Swift.max(m, Double(v)) }
            return .sequential(0, ColorScale.niceCeiling(m), label: label)
        default:
            return .diverging(center: 0, covering: values.lazy.map(Double.init), map: map, label: label)
        }
    }

    var outputActivation: Activation { network.layers[network.layers.count - 1].activation }

    /// The single output's scale (one output), white at its neutral value.
    public var outputScale: ColorScale? {
        guard field.outputCount == 1 else { return nil }
        if let sharedScale { return sharedScale }
        return RegionPlot.scale(outputActivation, values: field.values, label: "output " + network.outputLabels[0],
                                print: options.figure.palette == .print)
    }

    /// The predicted class of data point `i` from the trace, by the network's `decisionRule`.
    func predicted(_ i: Int) -> Int? {
        i < predictions.count ? predictions[i] : nil
    }

    /// Colour of class `k`: orange/blue for a single output (matching its map), Okabe–Ito otherwise.
    func classColor(_ k: Int) -> Color {
        if field.outputCount == 1 { return k > 0 ? Palette.positive : Palette.negative }
        return Palette.classColor(k)
    }

    /// The class names for the legend: output labels with several outputs, `y = 0` / `y = 1` with one.
    func className(_ k: Int) -> String {
        if field.outputCount == 1 { return "class \(k)" }
        let labels = network.outputLabels
        return k < labels.count ? labels[k] : "class \(k)"
    }

    /// The statement of the fixed inputs for networks with more than two inputs, e.g. `x3 = 0.00, x4 = 1.50`.
    public var sliceText: String {
        guard network.inputCount > 2 else { return "" }
        let fixed = (0..<network.inputCount).filter { $0 != field.xInput && $0 != field.yInput }
        return "other inputs fixed: " + fixed.map { network.inputLabels[$0] + " = " + LabelFormat.fixed(field.slice[$0], 2) }
            .joined(separator: ", ")
    }
}
