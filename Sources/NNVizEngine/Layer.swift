/// One dense layer: `a_out = activation(a_in @ weights + bias)`, weights stored inputs × neurons.
///
/// The shapes are checked on construction and cannot change afterwards: `bias` and `neuronLabels` always hold one
/// entry per column of `weights`, which is what the unchecked kernels of `forward` and `evaluateGrid` read.
public struct Layer: Equatable, Sendable {
    /// Display name, e.g. `hidden 1` or a name from the spec.
    public var name: String
    public var activation: Activation
    /// `fanIn × fanOut`: one row per input of the layer, one column per neuron.
    public private(set) var weights: Matrix
    /// One bias per neuron.
    public private(set) var bias: [Double]
    /// One label per neuron, e.g. `h1`, or names from the spec such as `OR`, `AND`.
    public private(set) var neuronLabels: [String]

    /// A layer of `weights.cols` neurons over `weights.rows` inputs.
    ///
    /// - Throws: `ShapeError.emptyLayer` without inputs or neurons, `.biasCount` or `.neuronLabelCount` when
    ///   `bias` or `neuronLabels` does not have one entry per neuron.
    public init(name: String, activation: Activation, weights: Matrix, bias: [Double], neuronLabels: [String]) throws(ShapeError) {
        guard weights.rows > 0, weights.cols > 0 else {
            throw .emptyLayer(layer: name, inputs: weights.rows, neurons: weights.cols)
        }
        guard bias.count == weights.cols else { throw .biasCount(layer: name, neurons: weights.cols, count: bias.count) }
        guard neuronLabels.count == weights.cols else {
            throw .neuronLabelCount(layer: name, neurons: weights.cols, count: neuronLabels.count)
        }
        self.name = name
        self.activation = activation
        self.weights = weights
        self.bias = bias
        self.neuronLabels = neuronLabels
    }

    /// This layer with other neuron labels, one per neuron.
    ///
    /// - Throws: `ShapeError.neuronLabelCount` when the count differs from the layer's width.
    public func relabelled(_ labels: [String]) throws(ShapeError) -> Layer {
        try Layer(name: name, activation: activation, weights: weights, bias: bias, neuronLabels: labels)
    }

    /// This layer with other weights and biases of the same or another shape (same checks as the initialiser).
    public func withParameters(weights: Matrix, bias: [Double]) throws(ShapeError) -> Layer {
        try Layer(name: name, activation: activation, weights: weights, bias: bias, neuronLabels: neuronLabels)
    }

    /// This layer with weights and biases of its own shape (engine code that derived them from this layer).
    func withParameters(uncheckedWeights weights: Matrix, bias: [Double]) -> Layer {
        precondition(weights.rows == fanIn && weights.cols == fanOut && bias.count == fanOut, "Layer shape mismatch")
        var copy = self
        copy.weights = weights
        copy.bias = bias
        return copy
    }

    /// Number of inputs feeding the layer.
    public var fanIn: Int { weights.rows }
    /// Number of neurons in the layer.
    public var fanOut: Int { weights.cols }
    /// Weights plus biases.
    public var parameterCount: Int { fanIn * fanOut + fanOut }
}
