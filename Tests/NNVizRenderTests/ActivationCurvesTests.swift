import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// The activation-curve figure and the networks-compared panels (a `Filmstrip` with headers), by their scenes.
@Suite struct ActivationCurvesTests {
    static func text(_ scene: Scene, _ role: String, _ name: String) -> String? {
        guard case .text(let s, _, _, _, _, _, _)? = scene.item(role: role, name: name)?.primitive else { return nil }
        return s
    }

    @Test func everyFunctionHasAPanelTitledByNameAndFormula() {
        let fig = ActivationCurves(functions: ActivationCurves.drawable, derivatives: true)
        let scene = fig.scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "curve").map(\.name) == ["sigmoid", "tanh", "relu", "leaky_relu", "step", "linear"])
        #expect(scene.items(role: "derivative").count == 6)
        #expect(Self.text(scene, "formula", "sigmoid") == "σ(z) = 1 / (1 + e⁻ᶻ)")
        #expect(Self.text(scene, "formula", "relu") == "ReLU(z) = max(0, z)")
        #expect(Self.text(scene, "formula", "leaky_relu") == "LReLU(z) = max(0.01·z, z)")
        #expect(Self.text(scene, "derivative-formula", "sigmoid") == "σ′(z) = σ(z)·(1 − σ(z))")
        #expect(Self.text(scene, "panel-title", "linear") == "linear (identity)")
    }

    /// The curve's path passes through the function's values: sigmoid(0) = 0.5 sits halfway up its panel's 0…1 ticks.
    @Test func curvesFollowTheFunctions() throws {
        let fig = ActivationCurves(functions: [.sigmoid], range: -4...4)
        let scene = fig.scene(measurer: FigureTestSupport.measurer)
        guard case .path(let path, _, _)? = scene.item(role: "curve", name: "sigmoid")?.primitive else { Issue.record("no curve"); return }
        let pts = path.elements.compactMap { e -> Point? in if case .line(let p) = e { return p } else { return nil } }
        let frame = try #require(scene.items(role: "axes-frame").first.flatMap { item -> Rect? in
            if case .rect(let r, _, _, _) = item.primitive { return r } else { return nil } })
        let mid = try #require(pts.min { abs($0.x - frame.center.x) < abs($1.x - frame.center.x) })
        let y = fig.yRange([.sigmoid])
        let value = y.upperBound - (mid.y - frame.y) / frame.height * (y.upperBound - y.lowerBound)
        #expect(abs(value - 0.5) < 0.01)
    }

    /// Step jumps: the pen lifts at 0 instead of drawing a vertical line.
    @Test func stepLiftsThePenAtZero() {
        let scene = ActivationCurves(functions: [.step]).scene(measurer: FigureTestSupport.measurer)
        guard case .path(let path, _, _)? = scene.item(role: "curve", name: "step")?.primitive else { Issue.record("no curve"); return }
        #expect(path.elements.filter { if case .move = $0 { return true } else { return false } }.count == 2)
    }

    @Test func marksSitOnTheirLayersFunction() {
        let marks = [ActivationCurves.Mark(z: 0.2, activation: .relu, label: "h1"), ActivationCurves.Mark(z: -1, activation: .sigmoid, label: "y"),
                     ActivationCurves.Mark(z: 1)]
        let scene = ActivationCurves(functions: [.relu, .sigmoid], marks: marks).scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "mark").map(\.name) == ["h1", "z = 1", "y", "z = 1"])
        #expect(Set(scene.items(role: "mark-label").map(\.name)) == ["h1", "y"])
    }

    /// tiny-net's five hidden z values lie within 0.6 of each other: every one is still labelled, those too close
    /// to their neighbours farther off with a leader line, and no label touches another or a mark.
    @Test func crowdedMarksAreAllLabelled() throws {
        let net = try FigureTestSupport.example("tiny-net")
        let trace = try net.forward(try Matrix([[0.6, 0.1, 0.9, 0.4]]))
        var marks: [ActivationCurves.Mark] = []
        for (l, layer) in net.layers.enumerated() {
            for j in 0..<layer.fanOut { marks.append(.init(z: trace.pre[l][0, j], activation: layer.activation, label: layer.neuronLabels[j])) }
        }
        let scene = ActivationCurves(functions: [.relu, .sigmoid], marks: marks).scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "mark-label").map(\.name).sorted() == ["h1", "h2", "h3", "h4", "h5", "y"])
        #expect(!scene.items(role: "mark-leader").isEmpty)
        #expect(LayoutAudit.problems(scene, measurer: FigureTestSupport.measurer) == [])
    }

    @Test func comparePanelsCarryNameShapeAndAccuracy() throws {
        let nets = [try FigureTestSupport.example("xor"), try FigureTestSupport.example("xor-no-activation")]
        let data = try Dataset.resolve("xor")
        let fields = try nets.enumerated().map { i, n in
            let p = try RegionPlot.make(network: n, dataset: data, xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 40)
            return SnapshotField(epoch: i, network: n, field: p.field, trace: p.trace)
        }
        var strip = Filmstrip(snapshots: fields, history: [], data: data.points, labels: data.labels)
        strip.headers = [.init(title: "xor", stats: "2 → 2 → 1 · 100 %"), .init(title: "xor-no-activation", stats: "2 → 2 → 1 · 75 %")]
        #expect(strip.hasMixedScales)
        let scene = strip.scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "panel-title").map(\.name) == ["xor", "xor-no-activation"])
        #expect(Self.text(scene, "panel-stats", "xor-no-activation") == "2 → 2 → 1 · 75 %")
        #expect(scene.items(role: "colorbar").isEmpty, "no single colour bar when the panels' scales differ")
        #expect(scene.items(role: "field").count == 2)
    }
}
