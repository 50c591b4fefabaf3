import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// `--palette print`: the sign survives greyscale through line style and lightness.
@Suite struct PrintPaletteTests {
    static var print: FigureOptions { var o = FigureOptions(); o.palette = .print; return o }

    @Test func negativeEdgesAndBiasesAreDashedOnlyInPrint() throws {
        let net = try FigureTestSupport.example("xor")
        for (options, dashed) in [(FigureOptions(), false), (Self.print, true)] {
            let scene = LayerDiagram(network: net, options: DiagramOptions(figure: options)).scene(measurer: FigureTestSupport.measurer)
            let negative = try #require(FigureTestSupport.stroke(scene.item(role: "edge", name: "AND→xor")))
            let positive = try #require(FigureTestSupport.stroke(scene.item(role: "edge", name: "OR→xor")))
            #expect(negative.dash.isEmpty == !dashed)
            #expect(positive.dash.isEmpty)
            #expect(try #require(FigureTestSupport.stroke(scene.item(role: "node", name: "AND"))).dash.isEmpty == !dashed)
            #expect(try #require(FigureTestSupport.stroke(scene.item(role: "legend", name: "sign-negative"))).dash.isEmpty == !dashed)
        }
    }

    @Test func negativeWeightCellsAreHatched() throws {
        let net = try FigureTestSupport.example("xor")
        let scene = Heatmap(network: net, options: HeatmapOptions(figure: Self.print, mode: .weights)).scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "cell-hatch").count == 1, "one negative weight, −2")
        let plain = Heatmap(network: net, options: HeatmapOptions(figure: FigureOptions(), mode: .weights)).scene(measurer: FigureTestSupport.measurer)
        #expect(plain.items(role: "cell-hatch").isEmpty)
    }

    /// Regions in print: class 1's side is darker than class 0's in greyscale (luminance), by a wide margin.
    @Test func regionsAreLightForClassZeroAndDarkForClassOne() {
        let map = ColorMap.printRegions
        #expect(map.color(at: 1).luminance < 0.2)
        #expect(map.color(at: 0).luminance > 0.6 && map.color(at: 0.25).luminance > 0.6)
        #expect(map.color(at: 0.75).luminance < map.color(at: 0.5).luminance)
    }
}
