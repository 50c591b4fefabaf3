import Dispatch
import NNVizCairo
import NNVizEngine
import NNVizReport
import NNVizRender
import NNVizScene

extension TrainCommand {
    /// Every epoch whose network the run must keep: the snapshots and, with `--figures`, what the figures need.
    func keptEpochs(network: Network) throws -> [Int] {
        let snapshots = try snapshotEpochs()
        guard figures != nil else { return snapshots }
        return TrainingFigures.keptEpochs(network: network, epochs: training.epochs, snapshots: snapshots,
                                          frames: frameEpochs(snapshots: snapshots))
    }

    /// The epochs of training.gif's frames: the snapshots, or `--frames N` spaced geometrically.
    func frameEpochs(snapshots: [Int]) -> [Int] {
        TrainingFigures.frameEpochs(count: training.frames, snapshots: snapshots, epochs: training.epochs)
    }

    /// Writes the run's figures into `folder`: the loss curve, the weights over time (small networks) and, for
    /// networks of two inputs, the filmstrip and training.gif. Returns notes on figures left out, for stdout.
    @discardableResult
    func writeFigures(_ result: TrainingResult, dataset: Dataset, folder: String, snapshots: [Int]) throws -> [String] {
        let measurer = CairoTextMeasurer()
        let painter = CairoPainter(scale: figureOptions.scale)
        func write(_ scene: Scene, _ name: String) throws {
            for ext in ["png", "svg"] { try painter.write(scene, to: Self.join(folder, name + "." + ext)) }
        }
        let figs = TrainingFigures(result: result, dataset: dataset, snapshots: snapshots, frameEpochs: frameEpochs(snapshots: snapshots),
                                   options: figureOptions.figure, scale: figureOptions.scale)
        // Each figure fitted to the size asked for; when it cannot be (after a training run, a refusal would lose the
        // run's figures), it is drawn at its own size and the notes say so.
        try write((try? figs.loss.fittedScene(measurer: measurer)) ?? figs.loss.scene(measurer: measurer), "loss")
        if let t = figs.trajectories { try write((try? t.fittedScene(measurer: measurer)) ?? t.scene(measurer: measurer), "weights") }
        var notes = figs.notes
        if let strip = figs.filmstrip {
            var natural = strip
            natural.options.width = nil
            natural.options.height = nil
            let scene = (try? strip.fittedScene(measurer: measurer)) ?? natural.scene(measurer: measurer)
            if let w = strip.options.width, let h = strip.options.height, scene.width > w.rounded(.up) || scene.height > h.rounded(.up) {
                notes.append("filmstrip.png is \(Int(scene.width)) × \(Int(scene.height)): \(strip.snapshots.count) panels do not fit "
                             + "\(Int(w)) × \(Int(h)); give fewer snapshots or a larger size")
            }
            try write(scene, "filmstrip")
        }
        if let gif = try figs.gif(measurer: measurer, painter: painter) {
            try AtomicFile.write(gif, to: Self.join(folder, "training.gif"))
        }
        return notes
    }
}
