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
        // Each figure is fitted to the size asked for. When it cannot be (after a training run, a refusal would lose
        // the run's figures), it is drawn at its own size and the notes say so.
        var notes = figs.notes
        func fitted(_ figure: some Figure, _ name: String, fix: String) -> Scene {
            if let scene = try? figure.fittedScene(measurer: measurer) { return scene }
            var own = figure.figureOptions
            own.width = nil
            own.height = nil
            let scene = figure.with(own).scene(measurer: measurer)
            notes.append("\(name).png is \(Int(scene.width)) × \(Int(scene.height)): it does not fit the size asked for; \(fix)")
            return scene
        }
        try write(fitted(figs.loss, "loss", fix: "give a larger size"), "loss")
        if let t = figs.trajectories { try write(fitted(t, "weights", fix: "give a larger size"), "weights") }
        if let strip = figs.filmstrip {
            try write(fitted(strip, "filmstrip", fix: "give fewer snapshots or a larger size"), "filmstrip")
        }
        if let gif = try figs.gif(measurer: measurer, painter: painter) {
            try AtomicFile.write(gif, to: Self.join(folder, "training.gif"))
        }
        return notes
    }
}
