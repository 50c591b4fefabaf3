/// A network that ships inside the binary, usable wherever a command takes NET (`nnviz summary xor`).
///
/// Specs are kept as YAML text and parsed only when asked for, so start-up stays fast.
public struct BundledExample: Sendable {
    public let name: String
    /// One line for `nnviz examples`.
    public let summary: String
    /// The spec, in the same YAML format a user would write.
    public let yaml: String

    /// The parsed network (the bundled specs are tested to load).
    public func network() throws(NNVizError) -> Network {
        try NetworkSpec.parse(yaml, source: name, defaultName: name)
    }

    /// Every bundled example, in the order `nnviz examples` lists them.
    public static let all: [BundledExample] = [
        BundledExample(name: "neuron", summary: "the lesson's single sigmoid neuron, w = [0.4, -0.2, 0.7], b = 0.1", yaml: """
            name: neuron
            inputs: [x1, x2, x3]
            outputs: [y]
            layers:
              - name: neuron
                activation: sigmoid
                weights: [[0.4], [-0.2], [0.7]]
                bias: [0.1]
            """),
        xor(name: "xor", summary: "hand-picked step network: hidden OR and AND, output OR - 2·AND",
            activation: "step", scale: 1),
        xor(name: "xor-sigmoid", summary: "XOR with steep sigmoid units (weights ×20); rounds to the truth table",
            activation: "sigmoid", scale: 20),
        xor(name: "xor-no-activation", summary: "XOR's weights with linear units: the layers collapse to one linear function (75 % on xor)",
            activation: "linear", scale: 1),
        BundledExample(name: "tiny-net", summary: "generated 4→5→1, relu then sigmoid, seed 0, scale 0.5, zero biases", yaml: """
            name: tiny-net
            sizes: [4, 5, 1]
            activations: [relu, sigmoid]
            init: {seed: 0, scale: 0.5, bias: zeros}
            """),
        BundledExample(name: "homework", summary: "generated 4→5→1, relu then sigmoid, seed 7, scale 0.3, zero biases", yaml: """
            name: homework
            sizes: [4, 5, 1]
            activations: [relu, sigmoid]
            init: {seed: 7, scale: 0.3, bias: zeros}
            """),
        BundledExample(name: "iris", summary: "generated 4→8→8→3 iris classifier, relu, relu, softmax, seed 42, scale 0.5", yaml: """
            name: iris
            inputs: [sepal_length, sepal_width, petal_length, petal_width]
            outputs: [setosa, versicolor, virginica]
            sizes: [4, 8, 8, 3]
            activations: [relu, relu, softmax]
            init: {seed: 42, scale: 0.5, bias: random}
            """),
        BundledExample(name: "mlp-784", summary: "generated 784→128→64→10 digit classifier's shape, seed 1, scale 0.05 (109,184 edges)",
                       yaml: """
            name: mlp-784
            sizes: [784, 128, 64, 10]
            activations: [relu, relu, softmax]
            init: {seed: 1, scale: 0.05, bias: random}
            """),
        BundledExample(name: "xor-train", summary: "generated 2→4→1 sigmoid to train on xor (seed 3 learns it in 3000 epochs at learning rate 1)",
                       yaml: """
            name: xor-train
            sizes: [2, 4, 1]
            activations: [sigmoid, sigmoid]
            init: {seed: 3, scale: 1.0, bias: random}
            """),
        BundledExample(name: "xor-linear", summary: "generated 2→1 sigmoid, no hidden layer: cannot learn xor (one straight boundary)",
                       yaml: """
            name: xor-linear
            sizes: [2, 1]
            activations: [sigmoid]
            init: {seed: 3, scale: 1.0, bias: random}
            """),
        BundledExample(name: "moons-train", summary: "generated 2→16→16→1 tanh, relu, sigmoid to train on moons (seed 1, scale 0.5)",
                       yaml: """
            name: moons-train
            sizes: [2, 16, 16, 1]
            activations: [tanh, relu, sigmoid]
            init: {seed: 1, scale: 0.5, bias: random}
            """),
        BundledExample(name: "blobs-train", summary: "generated 2→8→3 tanh, softmax to train on blobs (three classes, cross-entropy)",
                       yaml: """
            name: blobs-train
            sizes: [2, 8, 3]
            activations: [tanh, softmax]
            init: {seed: 0, scale: 1.0, bias: random}
            """),
    ] + trained

    /// The hand-picked XOR network, hidden OR and AND units and output OR − 2·AND, with every weight and bias
    /// times `scale` (a steep sigmoid with scale 20 rounds to the same truth table as the step with scale 1).
    private static func xor(name: String, summary: String, activation: String, scale: Double) -> BundledExample {
        func n(_ v: Double) -> String {
            let x = v * scale
            return x == x.rounded() ? String(Int(x)) : String(x)
        }
        return BundledExample(name: name, summary: summary, yaml: """
            name: \(name)
            inputs: [x1, x2]
            outputs: [xor]
            layers:
              - name: hidden
                activation: \(activation)
                weights: [[\(n(1)), \(n(1))], [\(n(1)), \(n(1))]]
                bias: [\(n(-0.5)), \(n(-1.5))]
                neurons: [OR, AND]
              - name: output
                activation: \(activation)
                weights: [[\(n(1))], [\(n(-2))]]
                bias: [\(n(-0.5))]
            """)
    }

    /// The example called `name`, if there is one.
    public static func named(_ name: String) -> BundledExample? {
        all.first { $0.name == name }
    }

    /// The example names, comma-separated, for error hints.
    public static var names: String { all.map(\.name).joined(separator: ", ") }
}
