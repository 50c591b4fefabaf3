/// Why a matrix, layer or network could not be built: the shapes that disagree, as numbers.
///
/// Thrown by the checked initialisers of `Matrix`, `Layer` and `Network`, so a library caller who builds a bias of
/// the wrong length gets this error instead of values read past the end of an array. Loaders check the same facts
/// first and report them against the file (`NNVizError`); this is the last line, not the user-facing wording.
public enum ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A matrix was given a negative number of rows or columns.
    case negativeDimension(rows: Int, cols: Int)
    /// A `rows × cols` matrix was given `count` values instead of `rows · cols`.
    case matrixData(rows: Int, cols: Int, count: Int)
    /// Layer `layer` has no inputs (rows of weights) or no neurons (columns).
    case emptyLayer(layer: String, inputs: Int, neurons: Int)
    /// Layer `layer` has `neurons` neurons but `count` biases.
    case biasCount(layer: String, neurons: Int, count: Int)
    /// Layer `layer` has `neurons` neurons but `count` neuron labels.
    case neuronLabelCount(layer: String, neurons: Int, count: Int)
    /// A network was given no layers.
    case noLayers
    /// The first layer takes `inputs` inputs but `count` input labels were given.
    case inputLabelCount(inputs: Int, count: Int)
    /// Layer `index` (counted from 0) takes `inputs` inputs but the layer before it has `previousNeurons` neurons.
    case layerInputs(index: Int, inputs: Int, previousNeurons: Int)
    /// A generated network of `layers` layers was given `count` activations.
    case activationCount(layers: Int, count: Int)

    public var description: String {
        switch self {
        case let .negativeDimension(rows, cols):
            return "a matrix cannot have \(rows) rows and \(cols) columns; both must be 0 or more"
        case let .matrixData(rows, cols, count):
            let (needed, overflow) = rows.multipliedReportingOverflow(by: cols)
            return "a \(rows) × \(cols) matrix needs " + (overflow ? "more values than an array can hold" : "\(needed) values")
                + " but has \(count)"
        case let .emptyLayer(layer, inputs, neurons):
            return "layer '\(layer)' has \(inputs) inputs and \(neurons) neurons; it needs at least one of each"
        case let .biasCount(layer, neurons, count):
            return "layer '\(layer)' has \(neurons) neurons (columns of weights) but \(count) biases"
        case let .neuronLabelCount(layer, neurons, count):
            return "layer '\(layer)' has \(neurons) neurons (columns of weights) but \(count) neuron labels"
        case .noLayers:
            return "a network needs at least one layer"
        case let .inputLabelCount(inputs, count):
            return "the first layer takes \(inputs) inputs (rows of weights) but \(count) input labels were given"
        case let .layerInputs(index, inputs, previous):
            return "layer \(index) takes \(inputs) inputs (rows of weights) but layer \(index - 1) has \(previous) neurons"
        case let .activationCount(layers, count):
            return "a network of \(layers) layers needs \(layers) activations but \(count) were given"
        }
    }
}
