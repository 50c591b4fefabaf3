import NNVizEngine
import NNVizScene
import NNVizSystem
import Testing
@testable import NNVizRender

/// `compare`'s figure as `Filmstrip.comparison` builds it: accuracies the engine computes, and with `neurons` a row
/// per network, its output panel first and its hidden neurons small beside it on shared scales.
@Suite struct CompareFigureTests {
    typealias S = FigureTestSupport

    static func frame(_ item: Item) -> Rect? {
        if case .raster(_, let frame, _) = item.primitive { return frame }
        return nil
    }

    /// The number of `data` points `net` classifies correctly, from the engine's forward pass and the output
    /// activation's threshold (one output).
    static func correct(_ net: Network, _ data: Dataset) throws -> Int {
        let out = try net.forward(data.points).output
        let threshold = net.layers[net.layers.count - 1].activation.decisionThreshold
        return data.labels.indices.filter { (out[$0, 0] > threshold ? 1 : 0) == data.labels[$0] }.count
    }

    /// The lesson's third comparison: the wide shallow and the narrow deep net trained alike on spirals; each panel
    /// states the accuracy the engine's own forward pass gives, and the deep one is the more accurate.
    @Test func spiralsPanelsStateTheEnginesAccuracy() throws {
        let nets = [try S.example("spirals-wide"), try S.example("spirals-deep")]
        let data = try Dataset.resolve("spirals")
        let strip = try Filmstrip.comparison(networks: nets, sources: ["spirals-wide", "spirals-deep"], dataset: data, resolution: 40)
        let scene = strip.scene(measurer: S.measurer)
        #expect(scene.items(role: "panel-title").map(\.name) == ["spirals-wide", "spirals-deep"])
        let counts = try nets.map { try Self.correct($0, data) }
        #expect(counts[1] > counts[0], "the deep net separates more of the spirals: \(counts)")
        #expect(ActivationCurvesTests.text(scene, "panel-stats", "spirals-wide")
                == "2 → 24 → 1 · tanh, sigmoid · " + Filmstrip.percent(counts[0], of: data.labels.count))
        #expect(ActivationCurvesTests.text(scene, "panel-stats", "spirals-deep")
                == "2 → 6 → 6 → 6 → 1 · tanh, tanh, tanh, sigmoid · " + Filmstrip.percent(counts[1], of: data.labels.count))
        #expect(Filmstrip.percent(3, of: 4) == "75 %" && Filmstrip.percent(2, of: 3) == "66.7 %")
    }

    @Test func neuronsAddEachNetworksHiddenNeuronsBesideItsOutput() throws {
        let nets = [try S.example("xor"), try S.example("xor-no-activation")]
        let data = try Dataset.resolve("xor")
        let strip = try Filmstrip.comparison(networks: nets, sources: ["xor", "xor-no-activation"], dataset: data,
                                             xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 40, neurons: true)
        #expect(strip.kindName == "compare" && strip.smallerAdvice == "drop \(Setting.neurons)")
        let scene = strip.scene(measurer: S.measurer)
        #expect(scene.items(role: "panel-title").map(\.name) == ["xor", "xor-no-activation"])
        #expect(scene.items(role: "field").count == 2)
        #expect(scene.items(role: "thumbnail").map(\.name)
                == ["xor · hidden · OR", "xor · hidden · AND", "xor-no-activation · hidden · OR", "xor-no-activation · hidden · AND"])
        #expect(scene.items(role: "thumb-title").count == 4)
        // One plane for every panel, the output's and the neurons'.
        for s in strip.snapshots {
            #expect(s.field.xRange == -0.5...1.5 && s.field.yRange == -0.5...1.5 && s.field.hidden.count == 1)
        }
        // Each row: the output panel first, then its neurons to its right, smaller, level with it.
        for name in ["xor", "xor-no-activation"] {
            let out = try #require(scene.item(role: "field", name: name).flatMap(Self.frame))
            for t in scene.items(role: "thumbnail") where t.name.hasPrefix(name + " · ") {
                let f = try #require(Self.frame(t))
                #expect(f.x > out.maxX && f.width < out.width / 2 + 1 && f.y >= out.y && f.maxY <= out.maxY + 0.5, "\(t.name)")
            }
        }
        // One colour bar per hidden activation, shared by every network that uses it; the step and linear outputs
        // keep their own scales, so no output bar.
        #expect(scene.items(role: "colorbar").map(\.name) == ["hidden step", "hidden linear"])
    }

    @Test func oneHiddenScaleServesEveryNetworkOfThatActivation() throws {
        let nets = [try S.example("spirals-wide"), try S.example("spirals-deep")]
        let strip = try Filmstrip.comparison(networks: nets, sources: ["a", "b"], dataset: try Dataset.resolve("spirals"),
                                             resolution: 30, neurons: true)
        let scene = strip.scene(measurer: S.measurer)
        #expect(scene.items(role: "thumbnail").count == 24 + 18)
        #expect(scene.items(role: "colorbar").map(\.name) == ["output", "hidden tanh"])
        #expect(strip.hiddenScales.count == 1)
    }
}
