import NNVizEngine
import NNVizScene
import NNVizSystem
import NNVizTestSupport
import Testing
@testable import NNVizRender

/// The layout check: every figure kind at a sweep of sizes, laid out as the commands lay it out
/// (`fittedScene`), keeps its text apart, off other panels' frames and on the canvas. Failures name the items.
@Suite struct LayoutSweepTests {
    typealias S = FigureTestSupport

    /// Small, automatic, slide, tall and wide canvases.
    static let sizes: [(String, Double?, Double?)] = [
        ("480×360", 480, 360), ("520×400", 520, 400), ("default", nil, nil), ("slide", 1280, 720),
        ("tall", 600, 1200), ("wide", 1600, 400),
    ]

    struct Kind: CustomTestStringConvertible, Sendable {
        let name: String
        let build: @Sendable (FigureOptions) throws -> any Figure
        var testDescription: String { name }
    }

    static func random(_ rows: Int, _ cols: Int, seed: UInt64) throws -> Matrix {
        var g = SplitMix64(seed: seed)
        return try Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map { _ in g.unit() * 6 - 3 })
    }

    static let training: (TrainingResult, Dataset) = fixture {
        let data = try Dataset.resolve("xor")
        let options = TrainingOptions(epochs: 300, learningRate: 1, snapshots: TrainingOptions.defaultSnapshots(epochs: 300))
        let trainer = try Trainer(network: try S.example("xor-train"), data: data, options: options, source: "xor-train")
        return (try trainer.run(), data)
    }

    static func strip(_ o: FigureOptions) -> Filmstrip {
        let (result, data) = training
        let fields = SnapshotField.evaluate(result.snapshots, xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 30, data: data.points)
        return Filmstrip(snapshots: fields, history: result.history, data: data.points, labels: data.labels, options: o)
    }

    static let kinds: [Kind] = [
        Kind(name: "diagram xor") { o in LayerDiagram(network: try S.example("xor"), options: DiagramOptions(figure: o)) },
        Kind(name: "diagram xor forward pass") { o in
            let net = try S.example("xor")
            return LayerDiagram(network: net, trace: try net.forward(S.corners), sample: 3, options: DiagramOptions(figure: o))
        },
        Kind(name: "diagram tiny-net forward pass --pre --precision 3") { o in
            let net = try S.example("tiny-net")
            return LayerDiagram(network: net, trace: try net.forward(try Matrix([[0.6, 0.1, 0.9, 0.4]])),
                                options: DiagramOptions(figure: o, precision: 3, showPre: true))
        },
        Kind(name: "diagram tiny-net --weights") { o in
            LayerDiagram(network: try S.example("tiny-net"), options: DiagramOptions(figure: o, weightLabels: true))
        },
        Kind(name: "diagram iris") { o in LayerDiagram(network: try S.example("iris"), options: DiagramOptions(figure: o)) },
        Kind(name: "diagram mlp-784 elided") { o in LayerDiagram(network: S.mnist, options: DiagramOptions(figure: o)) },
        Kind(name: "heatmap xor") { o in
            let net = try S.example("xor")
            return Heatmap(network: net, trace: try net.forward(S.corners), options: HeatmapOptions(figure: o))
        },
        Kind(name: "heatmap iris --random 16") { o in
            let net = try S.example("iris")
            return Heatmap(network: net, trace: try net.forward(try random(16, 4, seed: 1)), options: HeatmapOptions(figure: o))
        },
        Kind(name: "heatmap tiny-net --weights") { o in
            Heatmap(network: try S.example("tiny-net"), options: HeatmapOptions(figure: o, mode: .weights))
        },
        Kind(name: "heatmap tiny-net --weights --hinton") { o in
            Heatmap(network: try S.example("tiny-net"), options: HeatmapOptions(figure: o, mode: .hinton))
        },
        Kind(name: "regions xor --data xor") { o in
            try RegionPlot.make(network: try S.example("xor-sigmoid"), dataset: try Dataset.resolve("xor"), resolution: 40,
                                options: RegionOptions(figure: o))
        },
        Kind(name: "regions xor --data xor --neurons") { o in
            try RegionPlot.make(network: try S.example("xor-sigmoid"), dataset: try Dataset.resolve("xor"), resolution: 40,
                                options: RegionOptions(figure: o, neurons: true))
        },
        Kind(name: "regions iris --neurons") { o in
            try RegionPlot.make(network: try S.example("iris"), resolution: 30, options: RegionOptions(figure: o, neurons: true))
        },
        Kind(name: "loss curve") { o in
            let (result, _) = training
            return LossCurve(history: result.history, snapshots: result.snapshots.map(\.epoch), lossName: "bce", options: o)
        },
        Kind(name: "filmstrip") { o in strip(o) },
        Kind(name: "weight trajectories") { o in WeightTrajectories(snapshots: training.0.snapshots, options: o) },
        Kind(name: "training frame") { o in TrainingFrame(frames: strip(o), index: 3, lossName: "bce") },
        Kind(name: "compare xor xor-no-activation --data xor") { o in
            try Filmstrip.comparison(networks: [try S.example("xor"), try S.example("xor-no-activation")], sources: [],
                                     dataset: try Dataset.resolve("xor"), resolution: 30, options: o)
        },
        Kind(name: "compare xor xor-no-activation xor-sigmoid --data xor --neurons") { o in
            try Filmstrip.comparison(networks: [try S.example("xor"), try S.example("xor-no-activation"), try S.example("xor-sigmoid")],
                                     sources: [], dataset: try Dataset.resolve("xor"), resolution: 30, neurons: true, options: o)
        },
        Kind(name: "compare spirals-wide spirals-deep --data spirals --neurons") { o in
            try Filmstrip.comparison(networks: [try S.example("spirals-wide"), try S.example("spirals-deep")], sources: [],
                                     dataset: try Dataset.resolve("spirals"), resolution: 30, neurons: true, options: o)
        },
    ]

    /// The size a refusal says the figure needs (`… it needs at least 622 × 472 …`).
    static func minimum(_ error: any Error) -> (Double, Double)? { minimum("\(error)") }

    static func minimum(_ text: String) -> (Double, Double)? {
        guard let r = text.range(of: "it needs at least ") else { return nil }
        let nums = text[r.upperBound...].split(separator: " ").prefix(3)
        guard nums.count == 3, let a = Double(nums[nums.startIndex]), let b = Double(nums[nums.startIndex + 2]) else { return nil }
        return (a, b)
    }

    /// The sizes the issue names: drawn, not refused, and clean.
    @Test func knownSizesFit() throws {
        let known: [(String, Double, Double)] = [
            ("regions xor --data xor --neurons", 520, 400), ("heatmap iris --random 16", 520, 400),
            ("diagram mlp-784 elided", 480, 360), ("heatmap tiny-net --weights --hinton", 640, 480),
            ("compare spirals-wide spirals-deep --data spirals --neurons", 1280, 720),
            ("compare xor xor-no-activation xor-sigmoid --data xor --neurons", 1280, 720),
        ]
        for (name, w, h) in known {
            let kind = try #require(Self.kinds.first { $0.name == name })
            let scene = try kind.build(FigureOptions(width: w, height: h)).fittedScene(measurer: S.measurer)
            #expect(scene.width == w && scene.height == h)
            #expect(LayoutAudit.problems(scene, measurer: S.measurer) == [], "\(name)")
        }
        // The Hinton key sits below both panels at the automatic size, clear of the output panel's h5 label.
        let hinton = try #require(Self.kinds.first { $0.name == "heatmap tiny-net --weights --hinton" })
        let scene = try hinton.build(FigureOptions()).fittedScene(measurer: S.measurer)
        #expect(LayoutAudit.problems(scene, measurer: S.measurer) == [])
    }

    /// Below the smallest legible size the figure is refused with the minimum, and the advice that makes it smaller.
    @Test func tooSmallIsRefusedWithTheMinimum() throws {
        let kind = try #require(Self.kinds.first { $0.name == "regions xor --data xor --neurons" })
        do {
            _ = try kind.build(FigureOptions(width: 300, height: 300)).fittedScene(measurer: S.measurer)
            Issue.record("300 × 300 was drawn")
        } catch {
            let line = try #require(error as? NNVizError).line
            let text = Setting.render(line) { "<\($0.rawValue)>" }
            #expect(text.hasPrefix("error: regions: 300 × 300 is too small for this figure; it needs at least "))
            #expect(text.hasSuffix(" (or drop <neurons>)"))
            let need = try #require(Self.minimum(text))
            let scene = try kind.build(FigureOptions(width: need.0, height: need.1)).fittedScene(measurer: S.measurer)
            #expect(LayoutAudit.problems(scene, measurer: S.measurer) == [])
        }
    }

    /// compare with its neurons refuses a canvas too small the same way, naming the minimum and the way out.
    @Test func compareNeuronsTooSmallIsRefusedWithTheMinimum() throws {
        let kind = try #require(Self.kinds.first { $0.name == "compare xor xor-no-activation xor-sigmoid --data xor --neurons" })
        do {
            _ = try kind.build(FigureOptions(width: 400, height: 300)).fittedScene(measurer: S.measurer)
            Issue.record("400 × 300 was drawn")
        } catch {
            let text = Setting.render(try #require(error as? NNVizError).line) { "<\($0.rawValue)>" }
            #expect(text.hasPrefix("error: compare: 400 × 300 is too small for this figure; it needs at least "))
            #expect(text.hasSuffix(" (or drop <neurons>)"))
            let need = try #require(Self.minimum(text))
            let scene = try kind.build(FigureOptions(width: need.0, height: need.1)).fittedScene(measurer: S.measurer)
            #expect(scene.width == need.0 && scene.height == need.1)
            #expect(LayoutAudit.problems(scene, measurer: S.measurer) == [])
        }
    }

    @Test(arguments: kinds)
    func fitsEverySize(kind: Kind) throws {
        for (label, w, h) in Self.sizes {
            var figure = try kind.build(FigureOptions(width: w, height: h))
            var scene: Scene
            do {
                scene = try figure.fittedScene(measurer: S.measurer)
            } catch {
                // A refusal states a minimum, and the figure is drawn cleanly at that minimum.
                guard let need = Self.minimum(error), let w, let h, need.0 >= w, need.1 >= h else {
                    Issue.record("\(kind.name) at \(label): refused without a usable minimum: \(error)")
                    continue
                }
                figure = try kind.build(FigureOptions(width: need.0, height: need.1))
                scene = try figure.fittedScene(measurer: S.measurer)
                let problems = LayoutAudit.problems(scene, measurer: S.measurer)
                #expect(problems.isEmpty, Comment(rawValue: "\(kind.name) at its stated minimum for \(label):\n  " + problems.joined(separator: "\n  ")))
                continue
            }
            if let w { #expect(scene.width == w, "\(kind.name) at \(label)") }
            if let h { #expect(scene.height == h, "\(kind.name) at \(label)") }
            let problems = LayoutAudit.problems(scene, measurer: S.measurer)
            #expect(problems.isEmpty, Comment(rawValue: "\(kind.name) at \(label):\n  " + problems.prefix(12).joined(separator: "\n  ")))
        }
    }
}
