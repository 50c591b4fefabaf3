import NNVizEngine
import NNVizRender

/// A training run a report tells about (`nnviz report --train`): the result, the data and options it came from and
/// the epochs its figures show. The report's other figures then show the trained network, `result.network`.
public struct ReportTraining: Sendable {
    public var result: TrainingResult
    public var dataset: Dataset
    public var options: TrainingOptions
    /// The filmstrip's epochs and the loss curve's marks.
    public var snapshots: [Int]
    /// The epochs of training.gif's frames.
    public var frames: [Int]

    public init(result: TrainingResult, dataset: Dataset, options: TrainingOptions, snapshots: [Int], frames: [Int]) {
        self.result = result
        self.dataset = dataset
        self.options = options
        self.snapshots = snapshots
        self.frames = frames
    }

    /// The training figures' file stems, in order: the loss curve, the filmstrip (2-D) and the weights over time
    /// (small networks).
    public var figureIDs: [String] {
        var ids = ["loss"]
        if hasRegions { ids.append("filmstrip") }
        if WeightTrajectories.weightCount(result.network) <= WeightTrajectories.maxWeights { ids.append("weight-trajectories") }
        return ids
    }

    /// Whether the run has decision regions to draw (filmstrip and training.gif): two inputs, 2-D data.
    public var hasRegions: Bool { result.network.inputCount == 2 && dataset.points.cols == 2 }

    /// Every stem a training section may write, for the ownership of report folders.
    static let everyID = ["loss", "filmstrip", "weight-trajectories"]

    /// The animation's file name.
    static let gifName = "training.gif"

    /// `sgd, lr 0.1, full batch, loss bce` (with momentum, batch size and validation when given).
    public var method: String {
        var parts = [options.optimizer.rawValue, "lr \(ReportNumber.short(options.learningRate))"]
        if options.momentum != 0 { parts.append("momentum \(ReportNumber.short(options.momentum))") }
        parts.append(options.batchSize.map { "batches of \($0)" } ?? "full batch")
        parts.append("seed \(options.seed)")
        parts.append("\(result.loss.rawValue) loss")
        if let v = options.validation { parts.append("\(ReportNumber.short(v * 100)) % held out for validation") }
        return parts.joined(separator: ", ")
    }

    /// What changed, from the history: "the loss fell from 0.693 to 0.0018 in 3000 epochs; accuracy reached 100.0 %
    /// at epoch 412", or, when it never did, its best and when ("…; accuracy never reached 100 %: its best was
    /// 96.0 % at epoch 475"). Numbers as the loss curve prints them.
    public var story: String {
        let h = result.history
        let first = h[0], last = result.final
        let verb = last.loss < first.loss ? "fell" : (last.loss > first.loss ? "rose" : "stayed")
        var s = "the loss \(verb) from \(LossCurve.number(first.loss)) to \(LossCurve.number(last.loss)) in \(FigureText.plural(last.epoch, "epoch"))"
        let best = h.map(\.accuracy).max() ?? last.accuracy
        let when = h.first { $0.accuracy == best }?.epoch ?? last.epoch
        if best >= 1 {
            s += "; accuracy reached 100 % at epoch \(when)"
        } else {
            s += "; accuracy never reached 100 %: its best was \(LossCurve.percent(best)) at epoch \(when)"
        }
        if last.accuracy != best { s += ", and it ended at \(LossCurve.percent(last.accuracy))" }
        if let vf = first.validationLoss, let vl = last.validationLoss, let va = last.validationAccuracy {
            s += "; on the held-out rows the loss went from \(LossCurve.number(vf)) to \(LossCurve.number(vl)) "
                + "(accuracy \(LossCurve.percent(va)))"
        }
        return s
    }

    /// The record of `epoch`.
    func record(_ epoch: Int) -> EpochRecord? { result.history.indices.contains(epoch) ? result.history[epoch] : nil }
}
