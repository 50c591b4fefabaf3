#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One neuron's computation for one sample, every number of the lesson's warm-up card: the inputs reaching it
/// `xᵢ`, its weights `wᵢ`, the products `xᵢ·wᵢ`, their sum, the bias, `z` and the activation's output.
///
/// Computed from a forward pass (`Trace`): `z` and the output are the trace's own values, so the figure shows
/// what every other figure shows for the same sample.
public struct NeuronAnatomy: Equatable, Sendable {
    /// 0-based layer index into `Network.layers`.
    public let layer: Int
    /// 0-based neuron index within the layer.
    public let neuron: Int
    public let layerName: String
    public let neuronLabel: String
    public let activation: Activation
    /// The labels of the values reaching the neuron (the network's inputs or the previous layer's neurons).
    public let inputLabels: [String]
    public let inputs: [Double]
    public let weights: [Double]
    /// `inputs[i] * weights[i]`.
    public let products: [Double]
    /// The products summed in order.
    public let sum: Double
    public let bias: Double
    /// The trace's pre-activation `z = x @ W + b`.
    public let z: Double
    /// The trace's activation `act(z)`.
    public let output: Double
    /// For softmax: Σ e^(z_k − m) over the layer's other neurons and the shift m, so the neuron's curve
    /// `e^(z−m) / (e^(z−m) + others)` can be drawn; `nil` for element-wise activations.
    public let softmaxOthers: (sum: Double, shift: Double)?

    public static func == (a: NeuronAnatomy, b: NeuronAnatomy) -> Bool {
        a.layer == b.layer && a.neuron == b.neuron && a.inputs == b.inputs && a.weights == b.weights && a.bias == b.bias
            && a.z == b.z && a.output == b.output && a.activation == b.activation
    }

    /// The anatomy of neuron `neuron` of layer `layer` (both 0-based) for sample `sample` of `trace`.
    public init(network: Network, trace: Trace, sample: Int, layer: Int, neuron: Int) {
        let l = network.layers[layer]
        self.layer = layer
        self.neuron = neuron
        layerName = l.name
        neuronLabel = l.neuronLabels[neuron]
        activation = l.activation
        inputLabels = layer == 0 ? network.inputLabels : network.layers[layer - 1].neuronLabels
        let x = trace.activations(ofLayer: layer)
        inputs = (0..<l.fanIn).map { x[sample, $0] }
        weights = (0..<l.fanIn).map { l.weights[$0, neuron] }
        products = zip(inputs, weights).map { $0 * $1 }
        sum = products.reduce(0, +)
        bias = l.bias[neuron]
        z = trace.pre[layer][sample, neuron]
        output = trace.post[layer][sample, neuron]
        if l.activation == .softmax {
            let row = (0..<l.fanOut).map { trace.pre[layer][sample, $0] }
            let m = row.max() ?? 0
            var others = 0.0
            for (k, v) in row.enumerated() where k != neuron { others += exp(v - m) }
            softmaxOthers = (others, m)
        } else {
            softmaxOthers = nil
        }
    }

    /// The neuron's output as a function of its own `z`, everything else held: the activation, or for softmax
    /// `e^(z−m) / (e^(z−m) + Σ others)`.
    public func curve(_ t: Double) -> Double {
        guard let s = softmaxOthers else { return activation.value(t) }
        let e = exp(t - s.shift)
        return e.isFinite ? e / (e + s.sum) : 1
    }

    /// Resolves `--layer`/`--neuron` words: numbers count from 1 as the labels do, names match a layer's name or a
    /// neuron's label. Without a layer, a neuron name is looked for in every layer and a number means the first
    /// layer; without either, the first neuron of the first layer. Errors name `source`.
    public static func locate(_ network: Network, layer: String?, neuron: String?, source: String)
        throws(NNVizError) -> (layer: Int, neuron: Int) {
        var li: Int?
        if let layer {
            if let n = Int(layer) {
                guard n >= 1, n <= network.layers.count else {
                    throw NNVizError(source, "layer", "is \(n) but \(network.name) has \(network.layers.count) layer\(network.layers.count == 1 ? "" : "s") after its inputs (count from 1)")
                }
                li = n - 1
            } else if let i = network.layers.firstIndex(where: { $0.name == layer }) {
                li = i
            } else {
                let names = network.layers.map(\.name)
                let hint = Suggestion.closest(to: layer, in: names).map { "did you mean '\($0)'? " } ?? ""
                throw NNVizError(source, "layer", "\(network.name) has no layer '\(SpecNode.clip(layer))'; \(hint)layers: \(names.joined(separator: ", "))")
            }
        }
        guard let neuron else { return (li ?? 0, 0) }
        if let n = Int(neuron) {
            let l = li ?? 0
            let width = network.layers[l].fanOut
            guard n >= 1, n <= width else {
                throw NNVizError(source, "neuron", "is \(n) but layer \(network.layers[l].name) has \(width) neuron\(width == 1 ? "" : "s") (count from 1)")
            }
            return (l, n - 1)
        }
        let candidates = li.map { [$0] } ?? Array(network.layers.indices)
        for l in candidates {
            if let j = network.layers[l].neuronLabels.firstIndex(of: neuron) { return (l, j) }
        }
        let labels = candidates.flatMap { network.layers[$0].neuronLabels }
        let hint = Suggestion.closest(to: neuron, in: labels).map { "did you mean '\($0)'? " } ?? ""
        let scope = li.map { "layer \(network.layers[$0].name)" } ?? network.name
        throw NNVizError(source, "neuron", "\(scope) has no neuron '\(SpecNode.clip(neuron))'; \(hint)e.g. \(labels.prefix(4).joined(separator: ", "))")
    }
}
