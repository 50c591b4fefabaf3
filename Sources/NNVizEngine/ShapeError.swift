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
    /// Row `row` (counted from 0) of a matrix given as rows has `count` values but row 0 has `expected`.
    case raggedRows(row: Int, count: Int, expected: Int)
    /// A dataset of `points` points was given `labels` labels.
    case labelCount(points: Int, labels: Int)
    /// Sample `sample` (counted from 0) of a dataset has the label `label`, not a class 0…255.
    case labelRange(sample: Int, label: Int)
    /// A trace was given `pre` pre-activation matrices but `post` activation matrices (one each per layer).
    case traceLayerCount(pre: Int, post: Int)
    /// Layer `layer`'s pre-activations (`preRows × preCols`) and activations (`postRows × postCols`) of a trace
    /// do not both hold one row per sample of its batch of `batch` and the same neurons.
    case traceLayer(layer: Int, batch: Int, preRows: Int, preCols: Int, postRows: Int, postCols: Int)

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
        case let .raggedRows(row, count, expected):
            return "row \(row) of the matrix has \(count) values but row 0 has \(expected)"
        case let .labelCount(points, labels):
            return "a dataset of \(points) points needs one label each but has \(labels)"
        case let .labelRange(sample, label):
            return "sample \(sample) has the label \(label); labels are classes 0 to \(Dataset.maxClass)"
        case let .traceLayerCount(pre, post):
            return "a trace needs one activation matrix per pre-activation matrix (one each per layer) but has \(post) and \(pre)"
        case let .traceLayer(layer, batch, preRows, preCols, postRows, postCols):
            return "layer \(layer) of the trace has \(preRows) × \(preCols) pre-activations and \(postRows) × \(postCols) activations; "
                + "both need \(batch) rows (the batch) and the same columns"
        }
    }
}
