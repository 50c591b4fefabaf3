import Foundation
import Testing
import NNVizCairo
import NNVizEngine
import NNVizRender
@testable import NNVizReport
import NNVizScene
import NNVizTestSupport

/// `report --theme dark` (every figure and the page dark), `report --axes i,j --slice …` (a regions figure for a
/// network of more than two inputs), and one magnification for every figure of a page.
@Suite struct ReportThemeAndPlaneTests {
    static func png(_ tmp: TempFolder, _ file: String) throws -> Raster {
        try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: tmp.path + "/" + file))))
    }

    /// The colour of the pixel at (x, y) as 0…255 components.
    static func pixel(_ r: Raster, _ x: Int, _ y: Int) -> [UInt8] {
        let i = 4 * (y * r.width + x)
        return Array(r.pixels[i..<(i + 3)])
    }

    @Test func darkThemeDarkensEveryFigureAndThePage() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let r = try NNVizBinary.run(["report", "xor", "--data", "xor", "--theme", "dark", "--quiet", "-o", tmp.path + "/out"])
        #expect(r == .init(stdout: "", stderr: "", status: 0), "\(r.stderr)")
        let files = tmp.list("out/xor").filter { $0.hasSuffix(".png") }
        #expect(files.count >= 5)
        let dark = Theme.dark.background
        let expected = [dark.r, dark.g, dark.b].map { UInt8(($0 * 255).rounded()) }
        for f in files {
            let raster = try Self.png(tmp, "out/xor/" + f)
            #expect(Self.pixel(raster, 1, 1) == expected, "\(f): background")
        }
        let html = try tmp.text("out/xor/index.html")
        #expect(html.contains("<html lang=\"en\" data-theme=\"dark\">"))
        #expect(html.contains(":root[data-theme=\"dark\"]"))
        let light = try NNVizBinary.run(["report", "xor", "--quiet", "-o", tmp.path + "/light"])
        #expect(light.status == 0)
        #expect(try tmp.text("light/xor/index.html").contains("<html lang=\"en\" data-theme=\"light\">"))
        #expect(Self.pixel(try Self.png(tmp, "light/xor/diagram.png"), 1, 1) == [255, 255, 255])
    }

    @Test func darkIndexOfSeveralReports() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let r = try NNVizBinary.run(["report", "xor", "tiny-net", "--theme", "dark", "--quiet", "-o", tmp.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try tmp.text("out/index.html").contains("data-theme=\"dark\""))
    }

    @Test func axesAndSliceGiveIrisItsRegionsFigure() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let plain = try NNVizBinary.run(["report", "iris", "--random", "3", "--quiet", "-o", tmp.path + "/plain"])
        #expect(plain.status == 0)
        #expect(!tmp.list("plain/iris").contains("regions.png"), "four inputs and no plane: no regions")
        let r = try NNVizBinary.run(["report", "iris", "--data", "iris", "--axes", "3,4", "--slice", "5.8,3.0", "--quiet",
                                     "-o", tmp.path + "/out"])
        #expect(r == .init(stdout: "", stderr: "", status: 0), "\(r.stderr)")
        #expect(tmp.list("out/iris").contains("regions.png") && tmp.list("out/iris").contains("regions.svg"))
        let md = try tmp.text("out/iris/report.md")
        #expect(md.contains("regions.png"))
        // Over the two petal measurements of the data, the sepal ones held at the slice.
        #expect(md.contains("Decision regions of iris over petal\\_length ∈ \\[0.41, 7.49\\] and petal\\_width ∈ \\[−0.15, 2.75\\] "
                            + "(sepal\\_length = 5.8 and sepal\\_width = 3 held fixed)"), "\(md)")
        let json = try tmp.text("out/iris/report.json")
        #expect(json.contains("\"regions\""))
    }

    @Test func sliceOfTheWrongLengthIsRefused() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let r = try NNVizBinary.run(["report", "iris", "--axes", "3,4", "--slice", "1,2,3", "--quiet", "-o", tmp.path + "/out"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: --slice: has 3 values; give 2 (the inputs not on the axes) or 4\n")
        #expect(!tmp.list().contains("out"))
    }

    /// The plane reaches the regions figure: its axes are petal length and width, the others held at the slice.
    @Test func planeSetsTheRegionsAxesAndSlice() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        var input = ReportInput(network: try BundledExample.named("iris")!.network(), source: "iris")
        input.plane = ReportPlane(x: 2, y: 3, slice: [5.8, 3.0, 0, 0])
        #expect(input.figureIDs.contains("regions"))
        let page = try Report(templates: try ReportTemplates.defaults(), theme: .dark).write(input, to: tmp.path + "/iris")
        let regions = try #require(page.figures.first { $0.id == "regions" })
        #expect(regions.caption.hasPrefix("Decision regions of iris over petal_length ∈ [−0.5, 1.5] and petal_width ∈ [−0.5, 1.5] "
                                          + "(sepal_length = 5.8 and sepal_width = 3 held fixed)"), "\(regions.caption)")
    }

    /// Every figure of a page is shown at one magnification, so text is one size throughout.
    @Test func everyFigureOfAPageAtOneMagnification() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let net = try BundledExample.named("tiny-net")!.network()
        var input = ReportInput(network: net, source: "tiny-net", batch: try Matrix([[0.6, 0.1, 0.9, 0.4], [0, 1, 0, 1]]),
                                batchSource: "two samples")
        input.plane = ReportPlane(x: 0, y: 1, slice: [0, 0, 0.5, 0.5])
        let page = try Report(templates: try ReportTemplates.defaults()).write(input, to: tmp.path + "/t")
        #expect(page.figures.count >= 6)
        let json = try tmp.text("t/report.json")
        #expect(json.contains("\"regions\""))
        for f in page.figures {
            // width/height in CSS pixels over the PNG's pixels at scale 2: the same ratio for each figure.
            let raster = try ReportThemeAndPlaneTests.png(tmp, "t/" + f.png)
            let m = Double(f.width) / (Double(raster.width) / 2)
            #expect(abs(m - page.magnification) < 0.01, "\(f.id): \(m) against \(page.magnification)")
        }
    }

    /// Font sizes of the texts of `roles` in a scene.
    static func sizes(_ scene: Scene, _ roles: Set<String>) -> Set<Double> {
        Set(scene.items.compactMap { item -> Double? in
            guard roles.contains(item.role), case .text(_, _, let font, _, _, _, _) = item.primitive else { return nil }
            return font.size
        })
    }

    /// A figure wider than the page's column (iris's regions with sixteen neuron maps) is laid out again within it,
    /// with the same text sizes; its tick labels are no smaller than the captions of any figure of the page.
    @Test func wideFigureReflowsIntoTheColumnAtTheSameTextSize() throws {
        let net = try BundledExample.named("iris")!.network()
        let options = RegionOptions(neurons: true)
        let plot = try RegionPlot.make(network: net, axes: (2, 3), slice: [5.8, 3.0, 0, 0], resolution: 60, options: options)
        let measurer = CairoTextMeasurer()
        let natural = plot.scene(measurer: measurer)
        #expect(natural.width > ReportPage.displayWidth)
        let fitted = ReportFigures.columnScene(plot, measurer: measurer)
        #expect(fitted.width <= ReportPage.displayWidth)
        #expect(fitted.height < 2 * natural.height)
        let all = Set(natural.items.compactMap { item -> Double? in
            if case .text(_, _, let font, _, _, _, _) = item.primitive { return font.size } else { return nil }
        })
        let fittedAll = Set(fitted.items.compactMap { item -> Double? in
            if case .text(_, _, let font, _, _, _, _) = item.primitive { return font.size } else { return nil }
        })
        #expect(fittedAll == all, "text sizes kept")
        #expect(LayoutAudit.problems(fitted, measurer: measurer).isEmpty, "\(LayoutAudit.problems(fitted, measurer: measurer))")
        let ticks = Self.sizes(fitted, ["axis-label", "colorbar-label"])
        let captions = Self.sizes(fitted, ["colorbar-title", "legend", "thumb-title", "thumb-header", "subtitle"])
        #expect(!ticks.isEmpty && !captions.isEmpty)
        #expect(ticks.min()! >= captions.min()!, "ticks \(ticks) against captions \(captions)")
    }

    /// The page's magnification follows its widest figure; one wider than the column even so scrolls in a `wide`
    /// frame rather than shrink.
    @Test func oneMagnificationAndWideFramesScroll() throws {
        let net = try BundledExample.named("xor")!.network()
        func page(_ widths: [Double]) throws -> (ReportPage, String) {
            let figures = widths.enumerated().map { i, w in
                ReportFigure(number: i + 1, id: "f\(i)", text: FigureText(title: "F\(i)", caption: "c", alt: "a"),
                             scene: Scene(width: w, height: 100))
            }
            let p = ReportPage(network: net, source: "xor", css: "", trace: nil, samples: nil, dataset: nil, figures: figures, formats: ["png", "svg"])
            return (p, try ReportTemplates.defaults().html(p))
        }
        let (small, smallHTML) = try page([400, 500])
        #expect(small.magnification == 1.5)
        #expect(small.figures.map(\.width) == [600, 750] && !smallHTML.contains("frame wide"))
        let (mixed, _) = try page([400, 800])
        #expect(mixed.magnification == 1.25 && mixed.figures.map(\.width) == [500, 1000])
        let (wide, wideHTML) = try page([400, 1500])
        #expect(wide.magnification == 1 && wide.figures.map(\.wide) == [false, true])
        #expect(wideHTML.contains("<div class=\"frame wide\"><img src=\"f1.png\" width=\"1500\""))
        #expect(wideHTML.contains("<div class=\"frame\"><img src=\"f0.png\" width=\"400\""))
    }
}
