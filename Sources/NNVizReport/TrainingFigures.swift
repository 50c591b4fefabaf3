import Dispatch
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizScene

/// The figures of one training run, shared by `nnviz train --figures` and a report's Training section: the loss
/// curve, the weights over time (small networks), and for two-input networks on 2-D data the filmstrip of decision
/// regions and the frames of `training.gif`.
public struct TrainingFigures {
    public let loss: LossCurve
    /// `nil` for networks of more than `WeightTrajectories.maxWeights` weights.
    public let trajectories: WeightTrajectories?
    /// `nil` unless the network has two inputs and the data two features.
    public let filmstrip: Filmstrip?
    /// The animation's frames (empty without a filmstrip).
    public let frames: [TrainingFrame]
    /// Why a figure was left out, one line each.
    public let notes: [String]

    /// Epochs sampled for the weights-over-time figure.
    public static let trajectoryPoints = 400

    /// Every epoch whose network the figures need: the snapshots, the frames and, for a small network, every k-th
    /// epoch (about 400 in all) for the weights over time.
    public static func keptEpochs(network: Network, epochs: Int, snapshots: [Int], frames: [Int]) -> [Int] {
        var kept = Set(snapshots).union(frames)
        if WeightTrajectories.weightCount(network) <= WeightTrajectories.maxWeights {
            let step = Swift.max(1, (epochs + trajectoryPoints - 1) / trajectoryPoints)
            kept.formUnion(stride(from: 0, through: epochs, by: step))
            kept.insert(epochs)
        }
        return kept.sorted()
    }

    /// The epochs of training.gif's frames: the snapshots, or `count` spaced geometrically.
    public static func frameEpochs(count: Int?, snapshots: [Int], epochs: Int) -> [Int] {
        guard let count else { return snapshots }
        return TrainingOptions.geometricEpochs(count: count, epochs: epochs)
    }

    /// Grid cells per side of each filmstrip panel: enough for a large panel at `scale` without visible cells.
    public static func filmstripResolution(scale: Double) -> Int { Swift.min(800, Int((400 * Swift.max(1, scale)).rounded())) }

    /// The figures of `result` on `dataset`, the filmstrip at `snapshots` and the animation at `frameEpochs`.
    public init(result: TrainingResult, dataset: Dataset, snapshots: [Int], frameEpochs: [Int], options: FigureOptions, scale: Double) {
        var notes: [String] = []
        loss = LossCurve(history: result.history, snapshots: snapshots, lossName: result.loss.rawValue, options: options)
        let net = result.network
        let weights = WeightTrajectories.weightCount(net)
        if weights <= WeightTrajectories.maxWeights {
            trajectories = WeightTrajectories(snapshots: result.snapshots, options: options)
        } else {
            trajectories = nil
            notes.append("weights.png left out: \(weights) weights, more than the \(WeightTrajectories.maxWeights) it draws")
        }
        guard net.inputCount == 2, dataset.points.cols == 2 else {
            notes.append("filmstrip.png and training.gif left out: decision regions need a network of 2 inputs, not \(net.inputCount)")
            filmstrip = nil
            frames = []
            self.notes = notes
            return
        }
        let ranges = RegionPlot.defaultRanges(data: dataset.points, axes: (0, 1))
        let resolution = Self.filmstripResolution(scale: scale)
        let wanted = Set(snapshots)
        let fields = SnapshotField.evaluate(result.snapshots.filter { wanted.contains($0.epoch) }, xRange: ranges.x, yRange: ranges.y,
                                            resolution: resolution, data: dataset.points)
        let strip = Filmstrip(snapshots: fields, history: result.history, data: dataset.points, labels: dataset.labels, options: options)
        filmstrip = strip
        let frameSet = Set(frameEpochs)
        let frameFields = frameSet == wanted ? fields
            : SnapshotField.evaluate(result.snapshots.filter { frameSet.contains($0.epoch) }, xRange: ranges.x, yRange: ranges.y,
                                     resolution: resolution, data: dataset.points)
        let film = Filmstrip(snapshots: frameFields, history: result.history, data: dataset.points, labels: dataset.labels, options: options)
        frames = frameFields.indices.map { TrainingFrame(frames: film, index: $0, lossName: result.loss.rawValue) }
        self.notes = notes
    }

    /// training.gif: the frames laid out and painted on every core (in frame order, so the file is the same on
    /// every run), the first shown a little longer and the last three seconds.
    public func gif(measurer: any TextMeasurer, painter: CairoPainter) throws(CairoError) -> [UInt8]? {
        guard !frames.isEmpty else { return nil }
        let scenes = frames.map { $0.scene(measurer: measurer) }
        let pixels = try Self.renderConcurrently(scenes, painter: painter)
        let delays = scenes.indices.map { $0 == scenes.count - 1 ? 300 : ($0 == 0 ? 120 : 70) }
        return try GIFEncoder.encode(pixels, delays: delays)
    }

    /// Each scene painted to pixels, the scenes spread over the cores; results kept in scene order.
    public static func renderConcurrently(_ scenes: [Scene], painter: CairoPainter) throws(CairoError) -> [Raster] {
        let slots = RenderSlots(count: scenes.count)
        DispatchQueue.concurrentPerform(iterations: scenes.count) { i in
            do throws(CairoError) { slots.store(.success(try painter.renderPixels(scenes[i])), at: i) } catch { slots.store(.failure(error), at: i) }
        }
        var out: [Raster] = []
        for r in slots.results { out.append(try r.get()) }
        return out
    }
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
