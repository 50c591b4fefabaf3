import Foundation

/// Everything that shapes one training run besides the network and the data; the defaults are the ones that teach well.
public struct TrainingOptions: Equatable, Sendable {
    /// Passes over the training rows.
    public var epochs: Int
    /// η, the step size.
    public var learningRate: Double
    /// μ for sgd with momentum; 0 is plain sgd. Ignored by Adam.
    public var momentum: Double
    public var optimizer: Optimizer
    /// Rows per mini-batch; `nil` (or at least the row count) means one full batch in data order, with no random draw.
    public var batchSize: Int?
    /// Seed of the `np.random.RandomState` that draws the validation split and each epoch's order.
    public var seed: UInt32
    /// `nil` chooses from the output layer (`Loss.natural`).
    public var loss: Loss?
    /// Fraction F in (0, 1) of rows held out: the last ⌈F·n⌉ after one seeded permutation; `nil` holds out none.
    public var validation: Double?
    /// Epochs (0…epochs) whose networks are kept in the result.
    public var snapshots: [Int]

    public init(epochs: Int = 1000, learningRate: Double = 0.1, momentum: Double = 0, optimizer: Optimizer = .sgd,
                batchSize: Int? = nil, seed: UInt32 = 0, loss: Loss? = nil, validation: Double? = nil,
                snapshots: [Int] = []) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.momentum = momentum
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.seed = seed
        self.loss = loss
        self.validation = validation
        self.snapshots = snapshots
    }
}

extension TrainingOptions {
    /// Snapshot epochs spaced geometrically so the early change is visible: 0, 1, 3, 10, 30, 100, … up to
    /// `epochs`, and `epochs` itself.
    public static func defaultSnapshots(epochs: Int) -> [Int] {
        var out = [0]
        var decade = 1
        while decade <= epochs {
            out.append(decade)
            if decade * 3 <= epochs { out.append(decade * 3) }
            decade *= 10
        }
        if out.last != epochs { out.append(epochs) }
        return out
    }

    /// `count` epochs from 0 to `epochs` spaced geometrically (as evenly as whole epochs allow on a log scale of
    /// epoch + 1), always starting at 0 and ending at `epochs`; fewer when there are not that many epochs.
    public static func geometricEpochs(count: Int, epochs: Int) -> [Int] {
        let k = Swift.min(Swift.max(count, 1), epochs + 1)
        guard k > 1 else { return [epochs] }
        var out: [Int] = []
        for i in 0..<k {
            let t = Double(i) / Double(k - 1)
            var e = Int((Foundation.pow(Double(epochs + 1), t) - 1).rounded())
            if let last = out.last { e = Swift.max(e, last + 1) }
            // Leave room for the epochs still to come.
            e = Swift.min(e, epochs - (k - 1 - i))
            out.append(e)
        }
        return out
    }
}
