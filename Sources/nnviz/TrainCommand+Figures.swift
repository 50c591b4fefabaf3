import Dispatch
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizScene

extension TrainCommand {
    /// Every epoch whose network the figures need: the snapshots and, with `--figures`, the animation's frames.
    /// With `--figures`, also every k-th epoch (about 400 in all) for the weights over time of a small network.
    func keptEpochs(network: Network) throws -> [Int] {
        var kept = Set(try snapshotEpochs())
        if figures != nil {
            kept.formUnion(frameEpochs(snapshots: try snapshotEpochs()))
            if WeightTrajectories.weightCount(network) <= WeightTrajectories.maxWeights {
                let step = Swift.max(1, (epochs + Self.trajectoryPoints - 1) / Self.trajectoryPoints)
                kept.formUnion(stride(from: 0, through: epochs, by: step))
                kept.insert(epochs)
            }
        }
        return kept.sorted()
    }

    /// Epochs sampled for the weights-over-time figure.
    static let trajectoryPoints = 400

    /// The epochs of training.gif's frames: the snapshots, or `--frames N` spaced geometrically.
    func frameEpochs(snapshots: [Int]) -> [Int] {
        guard let n = figureOptions.frames else { return snapshots }
        return TrainingOptions.geometricEpochs(count: n, epochs: epochs)
    }

    /// Writes the run's figures into `folder`: the loss curve, the weights over time (small networks) and, for
    /// networks of two inputs, the filmstrip and training.gif. Returns notes on figures left out, for stdout.
    @discardableResult
    func writeFigures(_ result: TrainingResult, dataset: Dataset, folder: String, snapshots: [Int]) throws -> [String] {
        var notes: [String] = []
        let options = figureOptions.figure
        let measurer = CairoTextMeasurer()
        let painter = CairoPainter(scale: figureOptions.scale)
        func write(_ scene: Scene, _ name: String) throws {
            for ext in ["png", "svg"] { try painter.write(scene, to: Self.join(folder, name + "." + ext)) }
        }
        let curve = LossCurve(history: result.history, snapshots: snapshots, lossName: result.loss.rawValue, options: options)
        try write(curve.scene(measurer: measurer), "loss")

        let net = result.network
        let weights = WeightTrajectories.weightCount(net)
        if weights <= WeightTrajectories.maxWeights {
            try write(WeightTrajectories(snapshots: result.snapshots, options: options).scene(measurer: measurer), "weights")
        } else {
            notes.append("weights.png left out: \(weights) weights, more than the \(WeightTrajectories.maxWeights) it draws")
        }
        guard net.inputCount == 2, dataset.points.cols == 2 else {
            notes.append("filmstrip.png and training.gif left out: decision regions need a network of 2 inputs, not \(net.inputCount)")
            return notes
        }
        let ranges = RegionPlot.defaultRanges(data: dataset.points, axes: (0, 1))
        let wanted = Set(snapshots)
        let fields = SnapshotField.evaluate(result.snapshots.filter { wanted.contains($0.epoch) }, xRange: ranges.x, yRange: ranges.y,
                                            resolution: Self.filmstripResolution(scale: figureOptions.scale), data: dataset.points)
        let strip = Filmstrip(snapshots: fields, history: result.history, data: dataset.points, labels: dataset.labels, options: options)
        try write(strip.scene(measurer: measurer), "filmstrip")

        let frameSet = Set(frameEpochs(snapshots: snapshots))
        let frameFields = frameSet == wanted ? fields
            : SnapshotField.evaluate(result.snapshots.filter { frameSet.contains($0.epoch) }, xRange: ranges.x, yRange: ranges.y,
                                     resolution: Self.filmstripResolution(scale: figureOptions.scale), data: dataset.points)
        let film = Filmstrip(snapshots: frameFields, history: result.history, data: dataset.points, labels: dataset.labels, options: options)
        let scenes = frameFields.indices.map { TrainingFrame(frames: film, index: $0, lossName: result.loss.rawValue).scene(measurer: measurer) }
        let pixels = try Self.renderConcurrently(scenes, painter: painter)
        let delays = scenes.indices.map { $0 == scenes.count - 1 ? 300 : ($0 == 0 ? 120 : 70) }
        let gif = try GIFEncoder.encode(pixels, delays: delays)
        try AtomicFile.write(gif, to: Self.join(folder, "training.gif"))
        return notes
    }

    /// Each scene painted to pixels, the scenes spread over the cores; results kept in scene order.
    static func renderConcurrently(_ scenes: [Scene], painter: CairoPainter) throws -> [Raster] {
        let slots = RenderSlots(count: scenes.count)
        DispatchQueue.concurrentPerform(iterations: scenes.count) { i in
            do throws(CairoError) { slots.store(.success(try painter.renderPixels(scenes[i])), at: i) } catch { slots.store(.failure(error), at: i) }
        }
        return try slots.results.map { try $0.get() }
    }

    /// Grid cells per side of each filmstrip panel: enough for a large panel at `scale` without visible cells.
    static func filmstripResolution(scale: Double) -> Int { Swift.min(800, Int((400 * Swift.max(1, scale)).rounded())) }
}

/// Painted frames (or the error painting one), one slot per frame, written by the workers under a lock.
private final class RenderSlots: @unchecked Sendable {
    private var slots: [Result<Raster, CairoError>?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ r: Result<Raster, CairoError>, at i: Int) { lock.wait(); slots[i] = r; lock.signal() }

    var results: [Result<Raster, CairoError>] {
        slots.map { $0 ?? .failure(CairoError(path: "gif", message: "a frame was not painted")) }
    }
}
