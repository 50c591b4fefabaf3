import Foundation
import NNVizCairo
import NNVizScene
import NNVizSystem
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct CairoPainterTests {
    private func solid(_ primitive: Primitive, width: Double = 100, height: Double = 80) -> Scene {
        Scene(width: width, height: height, background: .white, items: [Item(primitive, role: "x")])
    }

    @Test func pngDecodesWithTheScaledSize() throws {
        let scene = CairoTestSupport.everything()
        for scale in [1.0, 2.0] {
            let png = try CairoPainter(scale: scale).render(scene, format: .png)
            #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let raster = try PNGDecoder.decode(png)
            #expect(raster.width == Int(200 * scale))
            #expect(raster.height == Int(120 * scale))
        }
    }

    @Test func redRectangleCentreIsRedAndOutsideIsBackground() throws {
        let scene = solid(.rect(Rect(x: 20, y: 20, width: 40, height: 30), fill: Color(r: 1, g: 0, b: 0), stroke: nil, cornerRadius: 6))
        for scale in [1.0, 2.0] {
            let r = try CairoPainter(scale: scale).renderPixels(scene)
            let s = Int(scale)
            #expect(CairoTestSupport.rgba(r, 40 * s, 35 * s) == [255, 0, 0, 255])
            #expect(CairoTestSupport.rgba(r, 80 * s, 35 * s) == [255, 255, 255, 255])
            // The rounded corner leaves the corner pixel itself (mostly) white.
            #expect(CairoTestSupport.rgba(r, 20 * s, 20 * s)[1] > 200)
        }
    }

    @Test func circleFillsItsCentreAndNotItsBoundingBoxCorner() throws {
        let scene = solid(.circle(center: Point(50, 40), radius: 20, fill: Color(r: 0, g: 0, b: 1), stroke: Stroke(.black, width: 2)))
        let r = try CairoPainter().renderPixels(scene)
        #expect(CairoTestSupport.rgba(r, 50, 40) == [0, 0, 255, 255])
        #expect(CairoTestSupport.rgba(r, 33, 23) == [255, 255, 255, 255])   // inside the box, outside the circle
        #expect(CairoTestSupport.rgba(r, 50, 20)[0] < 40)                    // the black outline at the top
    }

    @Test func nearestNeighbourRasterKeepsCellsCrisp() throws {
        let cells: [UInt8] = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 0, 255]
        let scene = Scene(width: 200, height: 200, background: .white,
                          items: [Item(.raster(Raster(width: 2, height: 2, pixels: cells), frame: Rect(x: 0, y: 0, width: 200, height: 200), smooth: false), role: "r")])
        let r = try CairoPainter().renderPixels(scene)
        #expect(CairoTestSupport.rgba(r, 50, 50) == [255, 0, 0, 255])
        #expect(CairoTestSupport.rgba(r, 150, 50) == [0, 255, 0, 255])
        #expect(CairoTestSupport.rgba(r, 50, 150) == [0, 0, 255, 255])
        #expect(CairoTestSupport.rgba(r, 150, 150) == [255, 255, 0, 255])
        // Right next to the cell border, still the pure cell colour (no blur), and the canvas edge pads, not fades.
        #expect(CairoTestSupport.rgba(r, 99, 50) == [255, 0, 0, 255])
        #expect(CairoTestSupport.rgba(r, 100, 50) == [0, 255, 0, 255])
        #expect(CairoTestSupport.rgba(r, 199, 199) == [255, 255, 0, 255])
    }

    /// A raster taller than Cairo's 32767-pixel images (a heatmap of 40,000 samples) is averaged in whole blocks:
    /// alternating red and blue rows become purple, in every format, instead of an error.
    @Test func rasterBeyondCairosImageLimitIsAveraged() throws {
        let rows = 40_000
        var cells = [UInt8](repeating: 255, count: rows * 4)
        for y in 0..<rows { cells[y * 4] = y % 2 == 0 ? 255 : 0; cells[y * 4 + 1] = 0; cells[y * 4 + 2] = y % 2 == 0 ? 0 : 255 }
        let scene = Scene(width: 40, height: 400, background: .white,
                          items: [Item(.raster(Raster(width: 1, height: rows, pixels: cells), frame: Rect(x: 0, y: 0, width: 40, height: 400), smooth: false), role: "r")])
        let r = try CairoPainter().renderPixels(scene)
        #expect(CairoTestSupport.rgba(r, 20, 200) == [128, 0, 128, 255])
        for format in [OutputFormat.svg, .pdf] { #expect(try !CairoPainter().render(scene, format: format).isEmpty) }
    }

    @Test func textIsDrawnWhereItsAnchorSays() throws {
        let font = Font(size: 20)
        let width = CairoTextMeasurer().measure("HHHH", font: font).width
        for (anchor, inkStart) in [(TextAnchor.start, 100.0), (.middle, 100 - width / 2), (.end, 100 - width)] {
            let scene = solid(.text("HHHH", at: Point(100, 30), font: font, color: .black, anchor: anchor, baseline: .middle, rotation: 0),
                              width: 200, height: 60)
            let r = try CairoPainter().renderPixels(scene)
            let dark = (0..<200).filter { x in (0..<60).contains { CairoTestSupport.rgba(r, x, $0)[0] < 128 } }
            let first = try #require(dark.first), last = try #require(dark.last)
            // "H" has side bearings of ~1.6 px at 20 px: ink starts a little after the advance box and ends before it.
            #expect(abs(Double(first) - inkStart) < 4)
            #expect(abs(Double(last + 1) - (inkStart + width)) < 4)
        }
    }

    @Test func svgIsWellFormedWithPixelUnits() throws {
        let svg = try CairoPainter().render(CairoTestSupport.everything(), format: .svg)
        let text = try #require(String(bytes: svg, encoding: .utf8))
        #expect(text.contains("width=\"200px\" height=\"120px\""))
        #expect(text.contains("<image"))
        #if canImport(FoundationXML) || canImport(Darwin)
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #endif
    }

    @Test func svgStylesAreCompactAndKeepTheirMeaning() throws {
        var scene = Scene(width: 40, height: 40)
        scene.add(.line(from: Point(0, 0), to: Point(40, 40), stroke: Stroke(Color(hex: "#0877bd")!, width: 1.5, dash: [4, 2])), role: "l")
        scene.add(.circle(center: Point(20, 20), radius: 5, fill: Color(r: 0.2, g: 0.4, b: 0.6, a: 0.5), stroke: nil), role: "c")
        let text = String(decoding: try CairoPainter().render(scene, format: .svg), as: UTF8.self)
        #expect(text.contains("stroke:#0877bd;"))
        #expect(text.contains("fill:#336699;fill-opacity:0.5;"))
        #expect(text.contains("stroke-dasharray:4,2;"))
        #expect(!text.contains("rgb("))
        #expect(!text.contains("stroke-linecap:butt") && !text.contains("stroke-linejoin:miter"))
    }

    @Test func pdfKeepsOneGraphicsStatePerDistinctByteOpacity() throws {
        // 1,000 edges with 1,000 different opacities: cairo's PDF surface would search a list of 1,000 graphics
        // states for each; rounded to 1/255 at most 256 remain.
        var batch = LineBatch()
        for i in 0..<1_000 {
            batch.append(from: Point(0, Double(i) / 10), to: Point(100, 100 - Double(i) / 10),
                         color: Color(r: 0, g: 0, b: 1, a: 0.001 + Double(i) / 1_000.5), width: 0.5)
        }
        let pdf = String(decoding: try CairoPainter().render(Scene(width: 100, height: 100, items: [Item(.lines(batch), role: "e")]), format: .pdf), as: UTF8.self)
        let states = pdf.components(separatedBy: "/CA ").count - 1
        #expect(states > 200 && states <= 257)
    }

    @Test func pdfHasAValidFixedCreationDateAndRenders() throws {
        let pdf = try CairoPainter().render(CairoTestSupport.everything(), format: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/CreationDate (D:2000010100)"))
        #expect(text.hasSuffix("%%EOF\n"))
        guard let pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].first(where: FileManager.default.isExecutableFile) else { return }
        let folder = try CairoTestSupport.scratchFolder("pdf")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CairoPainter().write(CairoTestSupport.everything(), to: folder + "/a.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftoppm)
        process.arguments = ["-png", "-r", "72", "-singlefile", folder + "/a.pdf", folder + "/page"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(stderr.isEmpty, "pdftoppm complained: \(stderr)")
        let page = try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/page.png"))))
        #expect(page.width == 200 && page.height == 120)
        #expect(CairoTestSupport.distance(CairoTestSupport.rgba(page, 135, 20), [255, 0, 0, 255]) <= 2)   // the red box
    }

    @Test(arguments: OutputFormat.allCases)
    func renderingTwiceInOneProcessGivesIdenticalBytes(_ format: OutputFormat) throws {
        let scene = CairoTestSupport.everything()
        let a = try CairoPainter().render(scene, format: format)
        let b = try CairoPainter().render(scene, format: format)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func canvasBeyondTheBudgetIsRefused() throws {
        let scene = Scene(width: 12_000, height: 100)
        #expect(throws: CairoError(path: "big.png", message: "canvas 24000 × 200 exceeds the limit of 20000 pixels a side; lower \(Setting.width), \(Setting.height) or \(Setting.scale)")) {
            try CairoPainter(scale: 2).write(scene, to: "big.png")
        }
        #expect(throws: CairoError(path: "scene", message: "canvas size must be positive, not nan × 100.0")) {
            _ = try CairoPainter().render(Scene(width: .nan, height: 100), format: .svg)
        }
    }

    @Test func nonFiniteGeometryIsSkippedNotFatal() throws {
        var scene = Scene(width: 50, height: 50, background: .white)
        scene.add(.line(from: Point(.nan, 0), to: Point(10, 10), stroke: Stroke(.black)), role: "bad")
        scene.add(.circle(center: Point(25, 25), radius: .infinity, fill: .black, stroke: nil), role: "bad")
        scene.add(.text("x", at: Point(10, .nan), font: Font(size: 12), color: .black, anchor: .start, baseline: .top, rotation: 0), role: "bad")
        scene.add(.rect(Rect(x: 10, y: 10, width: 10, height: 10), fill: Color(r: .nan, g: 0, b: 0), stroke: nil, cornerRadius: .nan), role: "ok")
        for format in OutputFormat.allCases { _ = try CairoPainter().render(scene, format: format) }
        let r = try CairoPainter().renderPixels(scene)
        #expect(CairoTestSupport.rgba(r, 15, 15) == [0, 0, 0, 255])
        #expect(CairoTestSupport.rgba(r, 40, 40) == [255, 255, 255, 255])
    }
}
