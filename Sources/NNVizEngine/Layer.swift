/// One dense layer: `a_out = activation(a_in @ weights + bias)`, weights stored inputs × neurons.
public struct Layer: Equatable, Sendable {
    /// Display name, e.g. `hidden 1` or a name from the spec.
    public var name: String
    public var activation: Activation
    /// `fanIn × fanOut`: one row per input of the layer, one column per neuron.
    public var weights: Matrix
    /// One bias per neuron.
    public var bias: [Double]
    /// One label per neuron, e.g. `h1`, or names from the spec such as `OR`, `AND`.
    public var neuronLabels: [String]

    public init(name: String, activation: Activation, weights: Matrix, bias: [Double], neuronLabels: [String]) {
        precondition(bias.count == weights.cols && neuronLabels.count == weights.cols, "Layer shape mismatch")
        self.name = name
        self.activation = activation
        self.weights = weights
        self.bias = bias
        self.neuronLabels = neuronLabels
    }

    /// Number of inputs feeding the layer.
    public var fanIn: Int { weights.rows }
    /// Number of neurons in the layer.
    public var fanOut: Int { weights.cols }
    /// Weights plus biases.
    public var parameterCount: Int { fanIn * fanOut + fanOut }
}
