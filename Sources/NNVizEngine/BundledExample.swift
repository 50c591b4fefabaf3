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
        BundledExample(name: "xor", summary: "hand-picked step network: hidden OR and AND, output OR - 2·AND", yaml: """
            name: xor
            inputs: [x1, x2]
            outputs: [xor]
            layers:
              - name: hidden
                activation: step
                weights: [[1, 1], [1, 1]]
                bias: [-0.5, -1.5]
                neurons: [OR, AND]
              - name: output
                activation: step
                weights: [[1], [-2]]
                bias: [-0.5]
            """),
        BundledExample(name: "xor-sigmoid", summary: "XOR with steep sigmoid units (weights ×20); rounds to the truth table", yaml: """
            name: xor-sigmoid
            inputs: [x1, x2]
            outputs: [xor]
            layers:
              - name: hidden
                activation: sigmoid
                weights: [[20, 20], [20, 20]]
                bias: [-10, -30]
                neurons: [OR, AND]
              - name: output
                activation: sigmoid
                weights: [[20], [-40]]
                bias: [-10]
            """),
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
    ]

    /// The example called `name`, if there is one.
    public static func named(_ name: String) -> BundledExample? {
        all.first { $0.name == name }
    }

    /// The example names, comma-separated, for error hints.
    public static var names: String { all.map(\.name).joined(separator: ", ") }
}
