import NNVizSystem
import Testing
import NNVizCairo
import NNVizEngine
import NNVizRender
@testable import NNVizReport

/// A report's regions figure is built by `RegionPlot.make`, with the checks of the `regions` command.
@Suite struct ReportRegionsTests {
    @Test func aDatasetWithClassesTheNetworkCannotPredictIsRefused() throws {
        let xor = try NetworkResolver.resolve("xor")
        let blobs = try Dataset(name: "blobs", points: try Matrix([[0, 0], [1, 1], [2, 2]]), labels: [0, 1, 2])
        #expect(throws: NNVizError("\(Setting.data) blobs", "sample 2", "class 2 but xor predicts classes 0 to 1")) {
            try ReportFigures.build(ReportInput(network: xor, source: "xor", dataset: blobs), trace: nil,
                                    measurer: CairoTextMeasurer(), scale: 1)
        }
    }

    @Test func theCaptionDescribesTheFiguresOwnGrid() throws {
        let xor = try NetworkResolver.resolve("xor")
        let data = try Dataset.resolve("xor")
        let figures = try ReportFigures.build(ReportInput(network: xor, source: "xor", dataset: data), trace: nil,
                                              measurer: CairoTextMeasurer(), scale: 1)
        let regions = try #require(figures.first { $0.id == "regions" })
        let options = RegionOptions(neurons: true)
        let plot = try RegionPlot.make(network: xor, dataset: data, resolution: options.defaultResolution(scale: 1), options: options)
        #expect(regions.text == FigureText.regions(plot, datasetName: "xor"))
        let high = plot.field.values.filter { $0 > 0.5 }.count
        let n = plot.field.resolution
        #expect(regions.text.caption.contains("\(FigureText.percent(high, n * n)) of the plotted area"))
        #expect(regions.text.caption.contains("All 4 points of dataset xor are classified correctly."))
    }
}
