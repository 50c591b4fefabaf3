import Testing
import NNVizEngine
import NNVizScene
@testable import NNVizRender

@Suite struct HeatmapTests {
    typealias S = FigureTestSupport

    static func xor() throws -> (Network, Trace) {
        let net = try S.example("xor")
        return (net, try net.forward(S.corners))
    }

    @Test func xorCellsSitAtViridisEndpoints() throws {
        let (net, trace) = try Self.xor()
        let scene = Heatmap(network: net, trace: trace).scene(measurer: S.measurer)
        // Step activations are 0 or 1 on a fixed 0…1 viridis scale: matplotlib's viridis(0) and viridis(1).
        #expect(S.fill(scene.item(role: "cell", name: "layer 1[0,0]"))?.hex == "#440154")  // OR at (0, 0)
        #expect(S.fill(scene.item(role: "cell", name: "layer 1[1,0]"))?.hex == "#fde725")  // OR at (0, 1)
        #expect(S.fill(scene.item(role: "cell", name: "layer 1[3,1]"))?.hex == "#fde725")  // AND at (1, 1)
        #expect(S.fill(scene.item(role: "cell", name: "layer 2[3,0]"))?.hex == "#440154")  // xor at (1, 1)
        #expect(scene.items(role: "cell").count == 4 * 2 + 4 * 1)
        // Four samples leave room for the values, in a colour readable on the fill.
        let values = S.texts(scene, role: "cell-value")
        #expect(values.count == 12)
        #expect(values.filter { $0.text == "1.00" }.count == 6)
        #expect(values.first { $0.text == "0.00" }?.color == .white)
    }

    @Test func panelsHaveTitlesColourBarsAndSharedRows() throws {
        let (net, trace) = try Self.xor()
        let scene = Heatmap(network: net, trace: trace).scene(measurer: S.measurer)
        #expect(scene.items(role: "panel-title").map(\.name) == ["layer 1", "layer 2"])
        #expect(scene.items(role: "colorbar").map(\.name) == ["layer 1", "layer 2"])
        #expect(S.texts(scene, role: "colorbar-label").map(\.text).contains("0.5"))
        // Rows are labelled once, on the first panel, with the sample's inputs.
        #expect(S.texts(scene, role: "row-label").map(\.text) == ["0 · (0, 0)", "1 · (0, 1)", "2 · (1, 0)", "3 · (1, 1)"])
        #expect(S.texts(scene, role: "col-label").map(\.text) == ["OR", "AND", "xor"])
    }

    @Test func preActivationsUseADivergingMapCentredOnZero() throws {
        let (net, trace) = try Self.xor()
        let scene = Heatmap(network: net, trace: trace, options: HeatmapOptions(pre: true, layers: [1])).scene(measurer: S.measurer)
        // z for OR at (0, 0) is −0.5 and at (0, 1) +0.5: symmetric limits give mirrored colours around white.
        let scale = ColorScale.diverging(center: 0, covering: trace.pre[0].data)
        #expect(scale.lower == -scale.upper)
        let neg = try #require(S.fill(scene.item(role: "cell", name: "layer 1[0,0]")))
        let pos = try #require(S.fill(scene.item(role: "cell", name: "layer 1[1,0]")))
        #expect(neg == scale.color(-0.5) && pos == scale.color(0.5))
        #expect(neg.r > neg.b && pos.b > pos.r)  // orange below zero, blue above
    }

    @Test func inputLayerIsOptional() throws {
        let (net, trace) = try Self.xor()
        let scene = Heatmap(network: net, trace: trace, options: HeatmapOptions(layers: [0, 2])).scene(measurer: S.measurer)
        #expect(scene.items(role: "panel-title").map(\.name) == ["layer 0", "layer 2"])
        #expect(scene.texts.contains("input · 2"))
    }

    @Test func sortOrdersSamplesByPrediction() throws {
        let (net, trace) = try Self.xor()
        let h = Heatmap(network: net, trace: trace, options: HeatmapOptions(sort: true))
        // Single output: ascending output value, ties in sample order → 0, 3 (output 0) then 1, 2.
        #expect(h.sampleOrder == [0, 3, 1, 2])
        let iris = try S.example("iris")
        let batch = try SampleLoader.random(count: 40, seed: 1, for: iris)
        let t = try iris.forward(batch)
        let order = Heatmap(network: iris, trace: t, options: HeatmapOptions(sort: true)).sampleOrder
        func cls(_ i: Int) -> Int { (0..<3).max { t.output[i, $0] < t.output[i, $1] }! }
        #expect(order.count == 40 && Set(order).count == 40)
        #expect(zip(order, order.dropFirst()).allSatisfy { cls($0) <= cls($1) })
    }

    @Test func largeBatchesBecomeCrispRasters() throws {
        let net = S.mnist
        let t = try net.forward(try SampleLoader.random(count: 256, seed: 0, for: net))
        let scene = Heatmap(network: net, trace: t, options: HeatmapOptions(layers: [1, 2, 3])).scene(measurer: S.measurer)
        let rasters = scene.items(role: "cells")
        #expect(rasters.count == 3)
        for item in rasters {
            guard case .raster(let r, _, let smooth) = item.primitive else { Issue.record("not a raster"); continue }
            #expect(!smooth)
            #expect(r.height == 256)
        }
        #expect(scene.items(role: "cell").isEmpty)
    }

    @Test func weightMatricesShareOneDivergingScale() throws {
        let net = try S.example("xor")
        let scene = Heatmap(network: net, options: HeatmapOptions(mode: .weights)).scene(measurer: S.measurer)
        // AND→xor is −2, the largest |w|: the orange end; x1→OR is +1: half-way up the blue arm.
        let scale = ColorScale.diverging(center: 0, covering: [2])
        #expect(S.fill(scene.item(role: "cell", name: "layer 2[1,0]")) == scale.color(-2))
        #expect(S.fill(scene.item(role: "cell", name: "layer 1[0,0]")) == scale.color(1))
        #expect(scene.items(role: "colorbar").count == 2)
    }

    @Test func hintonSquareAreaFollowsMagnitude() throws {
        let net = try S.example("xor")
        let scene = Heatmap(network: net, options: HeatmapOptions(mode: .hinton)).scene(measurer: S.measurer)
        func side(_ name: String) -> Double? {
            if case .rect(let r, _, _, _)? = scene.item(role: "hinton", name: name)?.primitive { return r.width } else { return nil }
        }
        let one = try #require(side("layer 1[0,0]")), two = try #require(side("layer 2[1,0]"))
        #expect(abs(two * two / (one * one) - 2) < 1e-9)  // area ∝ |w|: |−2| / |1|
        #expect(S.fill(scene.item(role: "hinton", name: "layer 2[1,0]")) == Palette.negative)
        #expect(S.fill(scene.item(role: "hinton", name: "layer 1[0,0]")) == Palette.positive)
        #expect(scene.item(role: "legend", name: "hinton-area") != nil)
    }

    @Test func constantActivationsStayFinite() throws {
        let t = try S.zero.forward(try Matrix([[1, 2, 3], [4, 5, 6]]))
        for o in [HeatmapOptions(), HeatmapOptions(pre: true), HeatmapOptions(mode: .weights), HeatmapOptions(mode: .hinton)] {
            let scene = Heatmap(network: S.zero, trace: t, options: o).scene(measurer: S.measurer)
            #expect(S.allNumbers(scene).allSatisfy { $0.isFinite })
        }
    }
}
