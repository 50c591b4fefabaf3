import Foundation
import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// The loss-curve figure, checked on its scene: what is drawn, where, and in which colour.
@Suite struct LossCurveTests {
    static func history(validation: Bool) -> [EpochRecord] {
        (0...300).map { e in
            let loss = 0.7 * pow(0.98, Double(e)) + 1e-4
            return EpochRecord(epoch: e, loss: loss, accuracy: min(1, 0.5 + Double(e) / 200),
                               validationLoss: validation ? loss * 1.5 : nil, validationAccuracy: validation ? 0.9 : nil)
        }
    }

    static func points(_ item: Item?) -> [Point] {
        guard case .path(let p, _, _)? = item?.primitive else { return [] }
        return p.elements.compactMap { e in
            switch e {
            case .move(let q), .line(let q): q
            default: nil
            }
        }
    }

    @Test func curvesMarksAndLogAxis() throws {
        let curve = LossCurve(history: Self.history(validation: true), snapshots: [0, 1, 3, 10, 30, 100, 300], lossName: "bce")
        let scene = curve.scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "snapshot-mark").count == 7)
        #expect(scene.items(role: "loss-line").map(\.name) == ["training", "validation"])
        #expect(scene.items(role: "accuracy-line").count == 2)
        // Losses from 1.05 (validation, epoch 0) down to 0.0017: the axis spans whole decades 1e-3 … 10.
        #expect(curve.decades == -3...1)
        let labels = scene.items(role: "axis-label").filter { $0.name == "loss y" }.compactMap { item -> String? in
            if case .text(let s, _, _, _, _, _, _) = item.primitive { return s } else { return nil }
        }
        #expect(labels == ["10", "1", "0.1", "0.01", "0.001"])
        // One point per epoch, falling left to right (y grows downwards), training in the positive blue.
        let train = Self.points(scene.item(role: "loss-line", name: "training"))
        #expect(train.count == 301)
        #expect(zip(train, train.dropFirst()).allSatisfy { $0.x < $1.x && $0.y <= $1.y })
        #expect(FigureTestSupport.stroke(scene.item(role: "loss-line", name: "training"))?.color == Palette.positive)
        #expect(FigureTestSupport.stroke(scene.item(role: "loss-line", name: "validation"))?.dash.isEmpty == false)
        #expect(scene.items(role: "legend-label").count == 2)
        #expect(curve.scene(measurer: FigureTestSupport.measurer) == scene)
    }

    @Test func subtitleSaysWhenTheAccuracyWasReached() {
        // Accuracy 0.5 + e/200 reaches 100 % at epoch 100 and stays there.
        let curve = LossCurve(history: Self.history(validation: false), lossName: "bce")
        #expect(curve.reached == 100)
        let scene = curve.scene(measurer: FigureTestSupport.measurer)
        #expect(scene.texts.contains { $0.hasSuffix("accuracy 50.0 % → 100.0 % (reached at epoch 100)") })
        // A frame of the animation (drawn up to epoch 30) says where it stands instead, with a dot at the current epoch.
        var frame = curve
        frame.upTo = 30
        let partial = frame.scene(measurer: FigureTestSupport.measurer)
        #expect(frame.reached == nil && partial.texts.contains { $0.contains("at epoch 30;") })
        #expect(partial.items(role: "current").count == 2)
        #expect(Self.points(partial.item(role: "loss-line", name: "training")).count == 31)
    }

    @Test func longRunsAreThinnedAndNoValidationMeansOneCurve() {
        let long = (0...10_000).map { EpochRecord(epoch: $0, loss: 1 / Double($0 + 1), accuracy: 1) }
        let scene = LossCurve(history: long, lossName: "mse").scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "loss-line").count == 1)
        let n = Self.points(scene.item(role: "loss-line", name: "training")).count
        #expect(n <= LossCurve.maxPoints + 1 && n > LossCurve.maxPoints / 2)
        #expect(scene.items(role: "snapshot-mark").isEmpty)
    }
}
