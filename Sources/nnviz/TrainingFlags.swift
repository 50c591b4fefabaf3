import ArgumentParser
import NNVizEngine

/// The options that shape a training run, shared by `nnviz train` and `nnviz report --train`: epochs, learning
/// rate, optimizer, batches, loss, validation, snapshots and the animation's frames. The shuffle seed is not here:
/// `train` calls it `--seed`, and a report, whose `--seed` seeds `--random` samples, `--train-seed`.
struct TrainingFlags: ParsableArguments {
    @Option(help: "Passes over the training data.")
    var epochs = 1000

    @Option(name: .customLong("lr"), help: ArgumentHelp("Learning rate η.", valueName: "η"))
    var learningRate = 0.1

    @Option(help: ArgumentHelp("Momentum μ for sgd, 0 ≤ μ < 1 (v = μ·v − η·g; W += v).", valueName: "μ"))
    var momentum = 0.0

    @Option(help: ArgumentHelp("sgd, or adam (Keras's: β1 0.9, β2 0.999, ε 1e-7).", valueName: "sgd|adam"))
    var optimizer = "sgd"

    @Option(name: .customLong("batch-size"), help: "Rows per mini-batch, shuffled each epoch (default: one full batch in data order).")
    var batchSize: Int?

    @Option(help: ArgumentHelp("bce, ce or mse (default: from the output layer).", valueName: "bce|ce|mse"))
    var loss: String?

    @Option(help: ArgumentHelp("Hold out this fraction of the rows (the last ⌈F·n⌉ after one seeded shuffle) and report their loss too.",
                               valueName: "F"))
    var validation: Double?

    @Option(help: ArgumentHelp("Epochs to keep as snapshots, e.g. 0,10,100 (default for figures and saved snapshots: 0, 1, 3, 10, 30, … and the last).",
                               valueName: "e1,e2,…"))
    var snapshots: String?

    @Option(help: ArgumentHelp("Frames of training.gif, spaced geometrically over the epochs (default: one per snapshot).",
                               valueName: "N"))
    var frames: Int?

    /// A history row per epoch is kept in memory (about 50 MB for a million); far beyond any lesson.
    static let maxEpochs = 1_000_000

    /// Frames beyond this make a GIF too large to be useful on a slide.
    static let maxFrames = 500

    func validate() throws {
        guard (0...Self.maxEpochs).contains(epochs) else { throw ValidationError("--epochs must be between 0 and \(Self.maxEpochs), got \(epochs)") }
        guard learningRate.isFinite && learningRate > 0 else { throw ValidationError("--lr must be a positive number, got \(learningRate)") }
        guard momentum.isFinite && momentum >= 0 && momentum < 1 else { throw ValidationError("--momentum must be at least 0 and below 1, got \(momentum)") }
        guard Optimizer(rawValue: optimizer) != nil else { throw ValidationError("--optimizer must be sgd or adam, got '\(optimizer)'") }
        if momentum != 0 && optimizer == "adam" { throw ValidationError("--momentum applies to sgd; Adam keeps its own moments") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
        if let loss, Loss(rawValue: loss) == nil { throw ValidationError("--loss must be one of \(Loss.validNames), got '\(loss)'") }
        if let validation, !(validation > 0 && validation < 1) {
            throw ValidationError("--validation must be a fraction between 0 and 1 (e.g. 0.2), got \(validation)")
        }
        if let frames, !(2...Self.maxFrames).contains(frames) {
            throw ValidationError("--frames must be between 2 and \(Self.maxFrames), got \(frames)")
        }
        _ = try snapshotEpochs(byDefault: true)
    }

    /// The snapshot epochs: `--snapshots` parsed (sorted, without repeats), else the default series when
    /// `byDefault` (figures or saved snapshots are wanted), else none.
    func snapshotEpochs(byDefault: Bool) throws -> [Int] {
        guard let snapshots else { return byDefault ? TrainingOptions.defaultSnapshots(epochs: epochs) : [] }
        var out: [Int] = []
        for part in snapshots.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters()
            guard let e = Int(text), e >= 0, e <= epochs else {
                throw ValidationError("--snapshots: '\(text)' is not an epoch from 0 to \(epochs)")
            }
            out.append(e)
        }
        return Array(Set(out)).sorted()
    }

    /// Whether any option differs from its default (they mean nothing to a report without `--train`).
    var changed: Bool {
        epochs != 1000 || learningRate != 0.1 || momentum != 0 || optimizer != "sgd" || batchSize != nil || loss != nil
            || validation != nil || snapshots != nil || frames != nil
    }

    /// The engine's options for a run seeded with `seed` that keeps the networks of `kept` epochs.
    func options(seed: UInt32, kept: [Int]) -> TrainingOptions {
        TrainingOptions(epochs: epochs, learningRate: learningRate, momentum: momentum,
                        optimizer: Optimizer(rawValue: optimizer) ?? .sgd, batchSize: batchSize,
                        seed: seed, loss: loss.flatMap(Loss.init(rawValue:)), validation: validation, snapshots: kept)
    }
}
