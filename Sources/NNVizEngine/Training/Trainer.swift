import NNVizSystem
/// Trains a network by gradient descent exactly as `Tests/NNVizEngineTests/Fixtures/make_training.py` does in
/// plain NumPy, so every weight agrees with that reference to about 1e-14 after thousands of epochs.
///
/// One `np.random.RandomState(seed)` is created before anything is drawn. With `validation` F, it first draws
/// `permutation(n)` and the last ⌈F·n⌉ rows of the data in that order are held out. Then, per epoch, when the batch
/// size B is below the training row count, `order = permutation(n)` and the batches are `order[i:i+B]` in turn
/// (the last possibly shorter); otherwise one full batch in data order and no draw. Each batch runs forward,
/// backward (`BackpropWorkspace`) and one update (`Optimizer`). After every epoch the loss and accuracy are
/// measured on all training rows (and validation rows). Refusals name the layer, option or row at fault.
public struct Trainer: Sendable {
    public let network: Network
    public let options: TrainingOptions
    /// The loss minimised: the one asked for, or `Loss.natural` for the output layer.
    public let loss: Loss
    /// Training rows, `count × inputs`, and their targets (`count × outputs`: one-hot, or 0/1 for one output).
    let train: TrainingRows
    /// Held-out rows, when `validation` was given.
    let validation: TrainingRows?
    /// The generator after the validation split, ready for the first epoch's order.
    let rng: NumPyRandom
    let source: String

    /// Checks the network, the data and the options against each other; `source` names the network in errors.
    public init(network: Network, data: Dataset, options: TrainingOptions = TrainingOptions(),
                source: String) throws(NNVizError) {
        try Self.checkOptions(options)
        let loss = try Self.checkNetwork(network, loss: options.loss, source: source)
        try Self.checkData(data, network: network)
        self.network = network
        self.options = options
        self.loss = loss
        self.source = source
        var rng = NumPyRandom(seed: options.seed)
        let all = TrainingRows(data, outputs: network.outputCount)
        if let fraction = options.validation {
            let n = data.count
            let held = Int((fraction * Double(n)).rounded(.up))
            guard held < n else {
                throw NNVizError(Setting.validation, "", "holds out \(held) of \(n) rows, leaving none to train on; use a smaller fraction")
            }
            let order = rng.permutation(n)
            train = all.selecting(Array(order[0..<(n - held)]))
            validation = all.selecting(Array(order[(n - held)...]))
        } else {
            train = all
            validation = nil
        }
        self.rng = rng
    }

    static func checkOptions(_ o: TrainingOptions) throws(NNVizError) {
        guard o.epochs >= 0 else { throw NNVizError(Setting.epochs, "", "must be 0 or more, got \(o.epochs)") }
        guard o.learningRate.isFinite && o.learningRate > 0 else {
            throw NNVizError(Setting.learningRate, "", "must be a positive number, got \(o.learningRate)")
        }
        guard o.momentum.isFinite && o.momentum >= 0 && o.momentum < 1 else {
            throw NNVizError(Setting.momentum, "", "must be at least 0 and below 1, got \(o.momentum)")
        }
        if o.momentum != 0 && o.optimizer == .adam {
            throw NNVizError(Setting.momentum, "", "applies to sgd; Adam keeps its own moments (β1 = 0.9)")
        }
        if let b = o.batchSize, b < 1 { throw NNVizError(Setting.batchSize, "", "must be at least 1, got \(b)") }
        if let f = o.validation, !(f > 0 && f < 1) {
            throw NNVizError(Setting.validation, "", "must be a fraction between 0 and 1 (e.g. 0.2), got \(f)")
        }
        if let bad = o.snapshots.first(where: { $0 < 0 || $0 > o.epochs }) {
            throw NNVizError(Setting.snapshots, "", "epoch \(bad) is outside 0…\(o.epochs)")
        }
    }

    /// The loss to train with, or the reason this network cannot be trained by gradient descent.
    static func checkNetwork(_ network: Network, loss: Loss?, source: String) throws(NNVizError) -> Loss {
        let last = network.layers.count - 1
        for (l, layer) in network.layers.enumerated() {
            let location = "layers[\(l)] (\(layer.name))"
            if layer.activation == .step {
                throw NNVizError(source, location, "step has no gradient to train with (its slope is 0 everywhere); use sigmoid, a smooth step")
            }
            if layer.activation == .softmax && l != last {
                throw NNVizError(source, location, "softmax is trained only as the output layer; use relu or tanh here")
            }
        }
        let output = network.layers[last]
        let chosen = loss ?? Loss.natural(for: output)
        let location = "layers[\(last)] (\(output.name))"
        let act = output.activation.label
        switch chosen {
        case .bce:
            guard output.activation == .sigmoid else {
                throw NNVizError(source, location, "loss bce needs a sigmoid output, not \(act); use \(Setting.loss) mse or a sigmoid output")
            }
            guard output.fanOut == 1 else {
                throw NNVizError(source, location, "loss bce needs one sigmoid output neuron, not \(output.fanOut); use a softmax output with \(Setting.loss) ce")
            }
        case .ce:
            guard output.activation == .softmax else {
                throw NNVizError(source, location, "loss ce needs a softmax output, not \(act); use \(Setting.loss) \(output.activation == .sigmoid && output.fanOut == 1 ? "bce" : "mse")")
            }
        case .mse:
            guard output.activation != .softmax else {
                throw NNVizError(source, location, "loss mse is not trained through softmax; use \(Setting.loss) ce")
            }
        }
        return chosen
    }

    static func checkData(_ data: Dataset, network: Network) throws(NNVizError) {
        guard data.count > 0 else { throw NNVizError(data.name, "", "has no samples to train on") }
        guard data.points.cols == network.inputCount else {
            throw NNVizError(data.name, "", "has \(data.points.cols) features per sample but the network takes \(network.inputCount) inputs")
        }
        let k = network.outputCount
        let classes = max(k, 2)
        if let i = data.labels.firstIndex(where: { $0 >= classes }) {
            let takes = k == 1 ? "one output neuron takes labels 0 and 1" : "\(k) outputs take labels 0…\(k - 1)"
            throw NNVizError(data.name, "sample \(i)", "label \(data.labels[i]) is out of range; \(takes)")
        }
        if let i = data.points.data.firstIndex(where: { !$0.isFinite }) {
            throw NNVizError(data.name, "sample \(i / data.points.cols)", "is not a finite number (\(data.points.data[i]))")
        }
    }
}
