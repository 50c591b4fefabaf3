import Foundation
import Testing
import NNVizTestSupport

/// Through the built binary: `diagram --pre` and `--precision`, `heatmap --precision`, and the warning for a
/// `--font` that is not installed.
@Suite struct FigureNumbersCommandTests {
    static func run(_ args: [String], _ file: String) throws -> (NNVizBinary.Result, Data?) {
        try PrintSizeTests.run(args, file)
    }

    @Test func diagramPreAndPrecisionDrawTheFigure() throws {
        let (r, d) = try Self.run(["diagram", "tiny-net", "--sample", "0.6,0.1,0.9,0.4", "--pre", "--precision", "3"], "d.png")
        #expect(r == .init(stdout: "", stderr: "", status: 0))
        #expect((d?.count ?? 0) > 1000)
    }

    @Test func precisionOutOfRangeIsRefused() throws {
        let (r, d) = try Self.run(["diagram", "xor", "--precision", "13"], "d.png")
        #expect(r.status == 64 && r.stderr.contains("--precision must be between 0 and 12, got 13"), "\(r.stderr)")
        #expect(d == nil)
        let (h, _) = try Self.run(["heatmap", "xor", "--random", "4", "--precision", "13"], "h.png")
        #expect(h.status == 64 && h.stderr.contains("--precision must be between 0 and 12, got 13"), "\(h.stderr)")
    }

    @Test func heatmapTakesPrecision() throws {
        let (r, d) = try Self.run(["heatmap", "xor", "--random", "4", "--precision", "4"], "h.png")
        #expect(r == .init(stdout: "", stderr: "", status: 0))
        #expect(d != nil)
    }

    @Test func unknownFontIsOneWarningNamingTheFontUsed() throws {
        let (r, d) = try Self.run(["diagram", "xor", "--font", "No Such Font Family"], "d.png")
        #expect(r.status == 0)
        #expect(r.stderr == "warning: font \"No Such Font Family\" is not installed; using DejaVu Sans\n")
        #expect(d != nil, "the figure is drawn all the same")
    }

    @Test func installedAndGenericFontsDoNotWarn() throws {
        for font in ["DejaVu Sans", "dejavu serif", "sans-serif", "DejaVu Sans Mono"] {
            let (r, _) = try Self.run(["diagram", "xor", "--font", font], "d.png")
            #expect(r == .init(stdout: "", stderr: "", status: 0), "\(font): \(r.stderr)")
        }
    }
}
