import NNVizEngine
import NNVizRender

/// The words that go with a figure: a short title, a caption for readers and alt text for screen readers, both
/// computed from the network and its numbers (which weight is strongest, where the output is high, …).
public struct FigureText: Sendable, Equatable {
    public let title: String
    public let caption: String
    public let alt: String

    public init(title: String, caption: String, alt: String) {
        self.title = title
        self.caption = caption
        self.alt = alt
    }

    /// The layer diagram, with sample `sample`'s forward pass when a trace is given.
    public static func diagram(_ net: Network, trace: Trace?, sample: Int = 0) -> FigureText {
        let shape = ([net.inputCount] + net.layers.map(\.fanOut)).map(String.init).joined(separator: " → ")
        var caption = "Layer diagram of \(net.name) (\(shape), \(plural(net.parameterCount, "parameter"))). "
            + "Edges are blue for positive and orange for negative weights, thicker for larger |w|."
        var alt = "Diagram of the network \(net.name) with \(plural(net.inputCount, "input")) (\(SummaryTable.list(net.inputLabels)))"
        for (k, layer) in net.layers.enumerated() {
            let role = k == net.layers.count - 1 ? "an output layer" : "a layer \(layer.name)"
            alt += ", \(role) of \(plural(layer.fanOut, layer.activation.label + " neuron")) (\(SummaryTable.list(layer.neuronLabels)))"
        }
        if let w = strongestWeight(net) {
            let count = net.layers.reduce(0) { $0 + $1.fanIn * $1.fanOut }
            alt += "; \(plural(count, "weight")) \(span(w.range)), "
                + "the strongest \(ReportNumber.short(w.value)) from \(w.from) to \(w.to)."
        } else {
            alt += "."
        }
        if let t = trace, t.batchSize > 0 {
            let s = min(max(0, sample), t.batchSize - 1)
            let which = t.batchSize == 1 ? "the sample" : "sample \(s)"
            let sentence = " Neurons are filled by their activation for \(which) (\(assignments(net.inputLabels, Array(t.input.row(s))))), "
                + "which gives \(outcome(net, Array(t.output.row(s))))."
            caption += sentence
            alt += sentence
        }
        return FigureText(title: "Layer diagram", caption: caption, alt: alt)
    }

    /// The activation heatmap of the batch: one panel per layer, rows are samples.
    public static func activations(_ net: Network, trace: Trace) -> FigureText {
        let n = trace.batchSize
        var ranges: [String] = []
        for (k, layer) in net.layers.enumerated() {
            if let r = trace.post[k].range {
                ranges.append("\(layer.name) (\(layer.activation.label)) \(span(r))")
            }
        }
        let caption = "Activations of \(plural(n, "sample")) (rows) in every layer (columns are neurons); "
            + "brighter cells are larger activations: " + ranges.joined(separator: ", ") + ". " + outputStory(net, trace)
        let alt = "Heatmap with one panel per layer, \(plural(n, "row")) for the samples and one column per neuron, "
            + "coloured from dark purple (low) to yellow (high): " + ranges.joined(separator: "; ") + ". " + outputStory(net, trace)
        return FigureText(title: "Activations of the batch", caption: caption, alt: alt)
    }

    /// The weight matrices, one heatmap per layer.
    public static func weights(_ net: Network) -> FigureText {
        var parts: [String] = []
        for layer in net.layers {
            guard let r = layer.weights.range else { continue }
            parts.append("\(layer.name) \(layer.fanIn) × \(layer.fanOut) \(span(r))")
        }
        var strongest = ""
        if let w = strongestWeight(net) {
            strongest = " The strongest weight is \(ReportNumber.short(w.value)), from \(w.from) to \(w.to)."
        }
        let caption = "Weight matrices of \(net.name), one panel per layer (rows are the layer's inputs, columns its neurons), "
            + "blue for positive and orange for negative weights, white at zero: " + parts.joined(separator: ", ") + "." + strongest
        let alt = "Heatmaps of the weights of each layer of \(net.name): " + parts.joined(separator: "; ") + "." + strongest
        return FigureText(title: "Weight matrices", caption: caption, alt: alt)
    }

    // MARK: Pieces

    /// `1 input`, `3 inputs`.
    static func plural(_ n: Int, _ noun: String, _ nouns: String? = nil) -> String {
        "\(LabelFormat.count(n)) " + (n == 1 ? noun : nouns ?? noun + "s")
    }

    /// `x1 = 0, x2 = 1` (the first six inputs, then `…`).
    static func assignments(_ labels: [String], _ values: [Double]) -> String {
        let parts = zip(labels, values).map { "\($0.0) = \(ReportNumber.short($0.1))" }
        return parts.count > 6 ? (parts.prefix(6) + ["…"]).joined(separator: ", ") : parts.joined(separator: ", ")
    }

    /// What the output says for one sample: `xor = 1` or `class setosa (0.71)`.
    static func outcome(_ net: Network, _ output: [Double]) -> String {
        if output.count == 1 { return "\(net.outputLabels[0]) = \(ReportNumber.short(output[0]))" }
        let k = DecisionRule.argmax(output)
        return "class \(net.outputLabels[k]) (\(ReportNumber.short(output[k])))"
    }

    /// A range in words: `from −2 to 1`, or `all 1` when both ends print the same (one sample, equal extremes).
    static func span(_ r: ClosedRange<Double>) -> String {
        let lo = ReportNumber.short(r.lowerBound), hi = ReportNumber.short(r.upperBound)
        return lo == hi ? "all \(lo)" : "from \(lo) to \(hi)"
    }

    /// For one output, the samples where it is above its neutral value; for several, how many samples each class wins.
    static func outputStory(_ net: Network, _ trace: Trace) -> String {
        let out = trace.output
        guard out.rows > 0 else { return "" }
        if out.cols == 1 {
            let y = net.outputLabels[0]
            let t = net.layers[net.layers.count - 1].activation.decisionThreshold
            let above = out.data.indices.filter { out.data[$0] > t }
            let level = ReportNumber.short(t)
            if above.isEmpty {
                if out.rows == 1 { return "Output \(y) is \(ReportNumber.short(out.data[0])), at most \(level)." }
                return "Output \(y) is at most \(level) for every sample (highest \(ReportNumber.short(out.data.max() ?? t)))."
            }
            if out.rows == 1 { return "Output \(y) is \(ReportNumber.short(out.data[0])), above \(level)." }
            if above.count == out.rows { return "Output \(y) is above \(level) for every sample." }
            if above.count <= 4 {
                return "Output \(y) is above \(level) for sample\(above.count == 1 ? "" : "s") " + and(above.map(String.init)) + "."
            }
            return "Output \(y) is above \(level) for \(above.count) of the \(out.rows) samples."
        }
        var wins = [Int](repeating: 0, count: out.cols)
        for k in trace.predictedClasses(net.decisionRule) { wins[k] += 1 }
        let parts = wins.enumerated().map { "\(net.outputLabels[$0.offset]) for \($0.element)" }
        return "\(net.name) predicts " + and(parts) + " of the \(plural(out.rows, "sample"))."
    }

    /// `a`, `a and b`, `a, b and c`.
    static func and(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    /// The weight of largest magnitude (the first of ties), where it goes, and the range of all weights.
    static func strongestWeight(_ net: Network) -> (value: Double, from: String, to: String, range: ClosedRange<Double>)? {
        var best: (Double, String, String)?
        var lo = Double.infinity, hi = -Double.infinity
        for (k, layer) in net.layers.enumerated() {
            let sources = k == 0 ? net.inputLabels : net.layers[k - 1].neuronLabels
            for i in 0..<layer.fanIn {
                for j in 0..<layer.fanOut {
                    let w = layer.weights[i, j]
                    lo = min(lo, w); hi = max(hi, w)
                    if let b = best, abs(w) <= abs(b.0) { continue }
                    best = (w, sources[i], layer.neuronLabels[j])
                }
            }
        }
        guard let b = best else { return nil }
        return (b.0, b.1, b.2, lo...hi)
    }
}
