import Dispatch
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizScene

extension TrainCommand {
    /// Every epoch whose network the figures need: the snapshots and, with `--figures`, the animation's frames.
    func keptEpochs() throws -> [Int] {
        var kept = Set(try snapshotEpochs())
        if figures != nil { kept.formUnion(frameEpochs(snapshots: try snapshotEpochs())) }
        return kept.sorted()
    }

    /// The epochs of training.gif's frames: the snapshots, or `--frames N` spaced geometrically.
    func frameEpochs(snapshots: [Int]) -> [Int] {
        guard let n = figureOptions.frames else { return snapshots }
        return TrainingOptions.geometricEpochs(count: n, epochs: epochs)
    }

    /// Writes the run's figures into `folder`: the loss curve and, for networks of two inputs, the filmstrip.
    func writeFigures(_ result: TrainingResult, dataset: Dataset, folder: String, snapshots: [Int]) throws {
        let options = figureOptions.figure
        let measurer = CairoTextMeasurer()
        let painter = CairoPainter(scale: figureOptions.scale)
        func write(_ scene: Scene, _ name: String) throws {
            for ext in ["png", "svg"] { try painter.write(scene, to: Self.join(folder, name + "." + ext)) }
        }
        let curve = LossCurve(history: result.history, snapshots: snapshots, lossName: result.loss.rawValue, options: options)
        try write(curve.scene(measurer: measurer), "loss")

        let net = result.network
        guard net.inputCount == 2, dataset.points.cols == 2 else { return }
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
