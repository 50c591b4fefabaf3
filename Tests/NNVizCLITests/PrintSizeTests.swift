import Foundation
import Testing
import NNVizTestSupport

/// Print sizes and document metadata through the built binary: `--width 85mm` gives a PDF page of exactly 85 mm in
/// points, an SVG whose root says `85mm` over a viewBox in points, and a PNG of inches × 72 × scale pixels carrying
/// 72 × scale dpi; titles and alt text travel with SVG and PDF; a canvas too small is refused with its minimum.
@Suite struct PrintSizeTests {
    static func run(_ args: [String], _ file: String) throws -> (NNVizBinary.Result, Data?) {
        let dir = try FigureCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(args + ["-o", file], cwd: dir)
        return (r, try? Data(contentsOf: dir.appendingPathComponent(file)))
    }

    static func text(_ d: Data?) -> String { d.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    @Test func pdfPageIsThePhysicalSizeInPoints() throws {
        let (r, d) = try Self.run(["regions", "xor", "--data", "xor", "--width", "85mm", "--height", "85mm"], "r.pdf")
        #expect(r.status == 0, "\(r.stderr)")
        // 85 mm = 85 / 25.4 × 72 pt = 240.944882 pt.
        let pdf = Self.text(d)
        #expect(pdf.contains("/MediaBox [ 0 0 240.944882 240.944882 ]"))
        #expect(pdf.contains("/Creator (nnviz)"))
        #expect(pdf.contains("/Title <FEFF"))
        #expect(pdf.contains("/Subject <FEFF"))
    }

    @Test func svgRootKeepsTheUnitAndCarriesTitleAndAltText() throws {
        let (r, d) = try Self.run(["diagram", "xor", "--width", "85mm", "--height", "6cm"], "d.svg")
        #expect(r.status == 0, "\(r.stderr)")
        let svg = Self.text(d)
        #expect(svg.contains(#"width="85mm" height="6cm" viewBox="0 0 240.944882 170.07874""#))
        #expect(svg.contains(#"role="img" aria-labelledby="nnviz-title nnviz-desc""#))
        #expect(svg.contains(#"<title id="nnviz-title">xor</title>"#))
        #expect(svg.contains(#"<desc id="nnviz-desc">Diagram of the network xor with 2 inputs"#))
    }

    @Test func pngPixelsAreInchesTimes72TimesScaleWithPHYs() throws {
        // 4 in × 3 in at scale 2: 576 × 432 pixels at 144 dpi (5669 pixels a metre).
        let (r, d) = try Self.run(["diagram", "xor", "--width", "4in", "--height", "3in", "--scale", "2"], "d.png")
        #expect(r.status == 0, "\(r.stderr)")
        let data = try #require(d)
        let size = try #require(FigureCommandTests.pngSize(data))
        #expect(size.0 == 576 && size.1 == 432)
        #expect(Self.phys(data) == [5669, 5669, 1])
        // Every PNG carries it: at scale 1, 72 dpi (2835 a metre).
        let (_, plain) = try Self.run(["diagram", "xor"], "p.png")
        #expect(Self.phys(try #require(plain)) == [2835, 2835, 1])
    }

    /// The pHYs chunk's pixels per unit (x, y) and unit, or empty without one.
    static func phys(_ data: Data) -> [Int] {
        let b = [UInt8](data)
        let tag: [UInt8] = [0x70, 0x48, 0x59, 0x73]
        guard let i = (0..<(b.count - 13)).first(where: { Array(b[$0..<($0 + 4)]) == tag }) else { return [] }
        func be(_ k: Int) -> Int {
            var v = 0
            for n in 0..<4 { v = v << 8 | Int(b[k + n]) }
            return v
        }
        return [be(i + 4), be(i + 8), Int(b[i + 12])]
    }

    @Test func fontSizeScalesTheFigure() throws {
        // The same figure at font size 24 is twice the automatic size of the one at 12.
        let (_, a) = try Self.run(["diagram", "xor"], "a.png")
        let (r, b) = try Self.run(["diagram", "xor", "--font-size", "24"], "b.png")
        #expect(r.status == 0, "\(r.stderr)")
        let da = try #require(a), db = try #require(b)
        let sa = try #require(FigureCommandTests.pngSize(da)), sb = try #require(FigureCommandTests.pngSize(db))
        #expect(sb.0 == 2 * sa.0 && sb.1 == 2 * sa.1)
        let (bad, _) = try Self.run(["diagram", "xor", "--font-size", "0"], "c.png")
        #expect(bad.status == 64 && bad.stderr.contains("--font-size must be between 4 and 72 points, got 0.0"))
    }

    @Test func tooSmallIsRefusedWithTheMinimumInFlags() throws {
        let (r, d) = try Self.run(["regions", "xor", "--data", "xor", "--neurons", "--width", "300", "--height", "200"], "r.png")
        #expect(r.status == 1 && d == nil)
        #expect(r.stderr.hasPrefix("error: regions: 300 × 200 is too small for this figure; it needs at least "))
        #expect(r.stderr.hasSuffix(" (or drop --neurons)\n"))
        let (u, _) = try Self.run(["diagram", "xor", "--width", "85furlongs"], "d.png")
        #expect(u.status == 64 && u.stderr.contains("--width"))
    }
}
