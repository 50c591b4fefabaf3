import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// Weights over training, checked on the scene: one line per weight, blue above zero and orange below, names at the ends.
@Suite struct WeightTrajectoriesTests {
    @Test func everyWeightIsALineColouredBySign() throws {
        let data = try Dataset.resolve("xor")
        let options = TrainingOptions(epochs: 300, learningRate: 1, snapshots: Array(stride(from: 0, through: 300, by: 5)))
        let trainer = try Trainer(network: try FigureTestSupport.example("xor-train"), data: data, options: options, source: "xor-train")
        let result = try trainer.run()
        let figure = WeightTrajectories(snapshots: result.snapshots)
        let scene = figure.scene(measurer: FigureTestSupport.measurer)
        #expect(WeightTrajectories.weightCount(result.network) == 12)
        let names = Set(scene.items(role: "trajectory").map(\.name))
        #expect(names.count == 12 && names.contains("x1→h1") && names.contains("h4→y"))
        #expect(scene.items(role: "weight-label").count == 12)
        #expect(scene.items(role: "zero").count == 2)
        #expect(scene.items(role: "panel-title").map(\.name) == ["hidden", "output"])
        // Each stretch is drawn in the colour of its sign: points above the zero line (smaller y) are blue.
        let zeroY: Double = try {
            guard case .line(let a, _, _)? = scene.items(role: "zero").first?.primitive else { throw CancellationError() }
            return a.y
        }()
        for item in scene.items(role: "trajectory").filter({ $0.name.hasSuffix("→h1") || $0.name.hasSuffix("→h2") }) {
            let ys = LossCurveTests.points(item).map(\.y)
            let color = FigureTestSupport.stroke(item)?.color
            if ys.allSatisfy({ $0 < zeroY - 0.01 }) { #expect(color == Palette.positive) }
            if ys.allSatisfy({ $0 > zeroY + 0.01 }) { #expect(color == Palette.negative) }
        }
        // Labels do not overlap, and the same input gives the same scene.
        let labels = FigureTestSupport.texts(scene, role: "weight-label").map(\.rect)
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where abs(a.x - b.x) < 1 { #expect(a.maxY <= b.y + 0.01 || b.maxY <= a.y + 0.01) }
        }
        #expect(figure.scene(measurer: FigureTestSupport.measurer) == scene)
    }
}
