/// A feed-forward network of dense layers, with the labels figures show for its inputs and neurons.
///
/// Consecutive layers fit together (each layer takes as many inputs as the one before has neurons) and there is
/// one input label per input; both are checked on construction and cannot change afterwards.
public struct Network: Equatable, Sendable {
    public var name: String
    /// One label per input feature, e.g. `x1`, `x2`.
    public private(set) var inputLabels: [String]
    public private(set) var layers: [Layer]
    /// Where a network read from another framework's file came from (format, and what became of each of its
    /// layers); nil for nnviz's own specs, `.npz` archives and bundled examples.
    public var provenance: ModelProvenance? = nil
    /// The source format in words, e.g. `safetensors (PyTorch state dict)` (`provenance.format`); setting it
    /// records a provenance without layers.
    public var origin: String? {
        get { provenance?.format }
        set { provenance = newValue.map { ModelProvenance(format: $0, layers: provenance?.layers ?? []) } }
    }

    /// A network of `layers`, in order from the input.
    ///
    /// - Throws: `ShapeError.noLayers`, `.inputLabelCount` when `inputLabels` does not name every input of the
    ///   first layer, `.layerInputs` when a layer's inputs differ from the previous layer's neurons.
    public init(name: String, inputLabels: [String], layers: [Layer]) throws(ShapeError) {
        guard let first = layers.first else { throw .noLayers }
        guard inputLabels.count == first.fanIn else { throw .inputLabelCount(inputs: first.fanIn, count: inputLabels.count) }
        for (i, (a, b)) in zip(layers, layers.dropFirst()).enumerated() where a.fanOut != b.fanIn {
            throw .layerInputs(index: i + 1, inputs: b.fanIn, previousNeurons: a.fanOut)
        }
        self.name = name
        self.inputLabels = inputLabels
        self.layers = layers
    }

    /// A network whose shapes its builder guarantees (a prefix of a checked network's layers, trained copies of one).
    init(name: String, inputLabels: [String], uncheckedLayers layers: [Layer]) {
        precondition(!layers.isEmpty && inputLabels.count == layers[0].fanIn, "Network shape mismatch")
        for (a, b) in zip(layers, layers.dropFirst()) { precondition(a.fanOut == b.fanIn, "Network shape mismatch") }
        self.name = name
        self.inputLabels = inputLabels
        self.layers = layers
    }

    /// This network with layer `index` replaced (same checks as the initialiser).
    public func replacingLayer(_ index: Int, with layer: Layer) throws(ShapeError) -> Network {
        var all = layers
        all[index] = layer
        return try Network(name: name, inputLabels: inputLabels, layers: all)
    }

    /// This network with other input labels, one per input.
    public func relabellingInputs(_ labels: [String]) throws(ShapeError) -> Network {
        try Network(name: name, inputLabels: labels, layers: layers)
    }

    /// Number of input features.
    public var inputCount: Int { layers[0].fanIn }
    /// Number of output neurons.
    public var outputCount: Int { layers[layers.count - 1].fanOut }
    /// Labels of the last layer's neurons.
    public var outputLabels: [String] { layers[layers.count - 1].neuronLabels }
    /// Layer widths including the input layer, e.g. `[4, 8, 8, 3]`.
    public var sizes: [Int] { [inputCount] + layers.map(\.fanOut) }
    /// Total weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The parameter count written out, e.g. `4·8+8 + 8·8+8 + 8·3+3 = 139`.
    public var parameterFormula: String {
        layers.map { "\($0.fanIn)·\($0.fanOut)+\($0.fanOut)" }.joined(separator: " + ") + " = \(parameterCount)"
    }

    /// Default display names: `hidden 1`, `hidden 2`, …, `output`.
    public static func defaultLayerName(index: Int, count: Int) -> String {
        index == count - 1 ? "output" : (count == 2 ? "hidden" : "hidden \(index + 1)")
    }

    /// Default neuron labels: `h1…hn` for hidden layers (`h1_1…` when there are several), `y` or `y1…yn` for the output.
    public static func defaultNeuronLabels(layerIndex: Int, layerCount: Int, width: Int) -> [String] {
        if layerIndex == layerCount - 1 {
            return width == 1 ? ["y"] : (1...width).map { "y\($0)" }
        }
        let prefix = layerCount == 2 ? "h" : "h\(layerIndex + 1)_"
        return (1...max(width, 1)).prefix(width).map { "\(prefix)\($0)" }
    }

    /// Default input labels `x1…xn`.
    public static func defaultInputLabels(_ count: Int) -> [String] {
        (0..<count).map { "x\($0 + 1)" }
    }
}
