import Foundation
import NNVizCairo
import NNVizScene
import NNVizTestSupport
import Testing

/// The dense-edge fast path (`.lines` batches rasterised into PNG pixels by nnviz itself) against Cairo's own
/// strokes of the same segments.
@Suite struct CairoLineRasterizerTests {
    /// Both paths for one scene: (nnviz rasteriser, Cairo strokes).
    private func bothPaths(_ scene: Scene, scale: Double = 1) throws -> (fast: Raster, cairo: Raster) {
        (try CairoPainter(scale: scale, fastLineThreshold: 0).renderPixels(scene),
         try CairoPainter(scale: scale, fastLineThreshold: .max).renderPixels(scene))
    }

    private func scene(_ batch: LineBatch, background: Color = Color(r: 0.9, g: 0.95, b: 1), size: Double = 64) -> Scene {
        Scene(width: size, height: size, background: background, items: [Item(.lines(batch), role: "edge")])
    }

    /// Mean absolute channel difference over the whole image, in 0…255 units.
    private func meanDifference(_ a: Raster, _ b: Raster) -> Double {
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(a.pixels.count)
    }

    private func maxDifference(_ a: Raster, _ b: Raster) -> Int {
        zip(a.pixels, b.pixels).reduce(0) { max($0, abs(Int($1.0) - Int($1.1))) }
    }

    @Test(arguments: [(0.3, 0.0), (1.0, 0.0), (1.0, 30.0), (0.6, 45.0), (2.5, 60.0), (1.5, 90.0), (3.0, 135.0), (0.8, 200.0)])
    func oneLineMatchesCairo(width: Double, degrees: Double) throws {
        let angle = degrees * Double.pi / 180
        let c = Point(32.3, 31.7), r = 24.0
        var batch = LineBatch()
        batch.append(from: Point(c.x - r * cos(angle), c.y - r * sin(angle)), to: Point(c.x + r * cos(angle), c.y + r * sin(angle)),
                     color: Color(r: 0.03, g: 0.47, b: 0.74, a: 0.8), width: width)
        let (fast, cairo) = try bothPaths(scene(batch))
        // On the centre line, at the line's edge and well off it (5 px away along the normal).
        let normal = (x: -sin(angle), y: cos(angle))
        for (along, off) in [(0.0, 0.0), (7.0, 0.0), (-11.0, width / 2), (3.0, 5.0)] {
            let x = Int(c.x + along * cos(angle) + off * normal.x), y = Int(c.y + along * sin(angle) + off * normal.y)
            let d = CairoTestSupport.distance(CairoTestSupport.rgba(fast, x, y), CairoTestSupport.rgba(cairo, x, y))
            // Cairo's scan converter samples coverage on a sub-pixel grid and rounds to 8 bits; ours is the exact area.
            #expect(d <= 12, "pixel (\(x), \(y)) differs by \(d)")
        }
        #expect(maxDifference(fast, cairo) <= 16)
        #expect(meanDifference(fast, cairo) < 0.1)
    }

    @Test func blendsSourceOverTheBackground() throws {
        // A horizontal line 2 px wide centred on y = 10 covers rows 9 and 10 exactly (full coverage, no AA),
        // so each pixel is source-over: 0.5 · red + 0.5 · blue.
        var batch = LineBatch()
        batch.append(from: Point(-5, 10), to: Point(70, 10), color: Color(r: 1, g: 0, b: 0, a: 0.5), width: 2)
        let fast = try CairoPainter(fastLineThreshold: 0).renderPixels(scene(batch, background: Color(r: 0, g: 0, b: 1)))
        for x in [0, 31, 63] {
            #expect(CairoTestSupport.distance(CairoTestSupport.rgba(fast, x, 9), [128, 0, 128, 255]) <= 1)
            #expect(CairoTestSupport.distance(CairoTestSupport.rgba(fast, x, 10), [128, 0, 128, 255]) <= 1)
            #expect(CairoTestSupport.rgba(fast, x, 8) == [0, 0, 255, 255])
            #expect(CairoTestSupport.rgba(fast, x, 11) == [0, 0, 255, 255])
        }
        // On a transparent canvas the pixel keeps the line's own alpha (premultiplied correctly).
        let clear = try CairoPainter(fastLineThreshold: 0).renderPixels(scene(batch, background: .clear))
        #expect(CairoTestSupport.distance(CairoTestSupport.rgba(clear, 20, 9), [255, 0, 0, 128]) <= 1)
    }

    @Test func segmentsOutsideOrAcrossTheEdgesAreClipped() throws {
        var batch = LineBatch()
        let blue = Color(r: 0, g: 0, b: 1)
        batch.append(from: Point(-1e9, 20.5), to: Point(1e9, 20.5), color: blue, width: 1)      // crosses everything
        batch.append(from: Point(-50, -50), to: Point(-10, -20), color: blue, width: 3)         // entirely outside
        batch.append(from: Point(60, 60), to: Point(200, 90), color: blue, width: 2)            // leaves at a corner
        batch.append(from: Point(10, 10), to: Point(10, 10), color: blue, width: 2)             // zero length
        batch.append(from: Point(.nan, 0), to: Point(1, .infinity), color: blue, width: 1)      // not finite
        batch.append(from: Point(0, 40), to: Point(64, 40), color: blue, width: .nan)           // no width
        for scale in [1.0, 3.0] {
            let (fast, cairo) = try bothPaths(scene(batch), scale: scale)
            #expect(meanDifference(fast, cairo) < 0.5)
            let s = Int(scale)
            let row = Int(20.5 * scale)   // the row the 1-unit line covers completely
            #expect(CairoTestSupport.rgba(fast, 0, row) == [0, 0, 255, 255])
            #expect(CairoTestSupport.rgba(fast, 64 * s - 1, row) == [0, 0, 255, 255])
            #expect(CairoTestSupport.rgba(fast, 10 * s, 10 * s) == CairoTestSupport.rgba(fast, 5 * s, 5 * s))  // nothing drawn
        }
    }

    @Test func aDenseBatchLooksTheSameEitherWay() throws {
        // 2,100 edges (just over the default threshold) between two columns with random colours, widths 0.3–3 px and opacities 0.05–0.8, drawn
        // over each other: the difference per pixel stays small on average although errors could compound.
        var rng = SplitMix64(seed: 7)
        var batch = LineBatch()
        for _ in 0..<2_100 {
            let w = rng.unit() * 2 - 1
            batch.append(from: Point(15, 5 + rng.unit() * 150), to: Point(145, 5 + rng.unit() * 150),
                         color: (w > 0 ? Color(r: 0.03, g: 0.47, b: 0.74) : Color(r: 0.96, g: 0.58, b: 0.13)).withAlpha(0.05 + 0.75 * abs(w)),
                         width: 0.3 + 2.7 * w * w)
        }
        let s = scene(batch, background: .white, size: 160)
        let (fast, cairo) = try bothPaths(s)
        #expect(meanDifference(fast, cairo) < 1.2)
        // The default threshold sends this batch down the fast path.
        #expect(try CairoPainter().renderPixels(s) == fast)
    }

    @Test func bandSeamsAndCanvasEdgesLoseNoPixels() throws {
        // A wide canvas is cut into several bands of rows: steep and flat lines crossing the seams, and lines
        // hugging the last column and row (where pixels are blended one at a time rather than in pairs).
        var batch = LineBatch()
        let ink = Color(r: 0.1, g: 0.2, b: 0.9, a: 0.7)
        for k in 0..<12 {
            let x = 1_100 + Double(k) * 8.3
            batch.append(from: Point(x, -3), to: Point(x + 4.7, 99), color: ink, width: 0.4 + 0.2 * Double(k))
            batch.append(from: Point(-3, 20 + Double(k) * 6.1), to: Point(1_203, 26 + Double(k) * 6.1), color: ink,
                         width: 0.3 + 0.25 * Double(k))
        }
        batch.append(from: Point(1_199.6, 0), to: Point(1_199.2, 96), color: ink, width: 1.3)
        batch.append(from: Point(0, 95.7), to: Point(1_200, 95.4), color: ink, width: 0.9)
        let s = Scene(width: 1_200, height: 96, background: .white, items: [Item(.lines(batch), role: "edge")])
        let (fast, cairo) = try bothPaths(s)
        #expect(maxDifference(fast, cairo) <= 24)
        // Cairo's sampled coverage and the exact area differ by up to ~2 per channel along these long lines
        // (most for the wide ones and the one half off the canvas); a row lost or drawn twice at a seam would
        // differ by tens.
        let rowBytes = 1_200 * 4
        var worstRow = 0.0
        for y in 0..<96 {
            let a = fast.pixels[(y * rowBytes)..<((y + 1) * rowBytes)], b = cairo.pixels[(y * rowBytes)..<((y + 1) * rowBytes)]
            let total = zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
            worstRow = max(worstRow, Double(total) / Double(rowBytes))
        }
        #expect(worstRow < 2.5, "worst row differs by \(worstRow) on average")
        for y in [0, 40, 95] {
            let d = CairoTestSupport.distance(CairoTestSupport.rgba(fast, 1_199, y), CairoTestSupport.rgba(cairo, 1_199, y))
            #expect(d <= 12, "last column, row \(y) differs by \(d)")
        }
    }

    @Test func solidLineItemsGoThroughTheRasteriserAndDashedOnesStayWithCairo() throws {
        // A small diagram's worth of separate `.line` items (no batch): solid ones are drawn by the rasteriser by
        // default, like a dense batch, so there is no cliff at any edge count; a dashed line is always Cairo's.
        var rng = SplitMix64(seed: 11)
        var items: [Item] = []
        for _ in 0..<40 {
            let w = rng.unit() * 2 - 1
            items.append(Item(.line(from: Point(10, 8 + rng.unit() * 100), to: Point(110, 8 + rng.unit() * 100),
                                    stroke: Stroke(Color(r: 0.03, g: 0.47, b: 0.74).withAlpha(0.2 + 0.6 * abs(w)), width: 0.5 + 2 * w * w)),
                              role: "edge"))
        }
        let solid = Scene(width: 120, height: 120, background: .white, items: items)
        let fast = try CairoPainter().renderPixels(solid), cairo = try CairoPainter(fastLineThreshold: .max).renderPixels(solid)
        #expect(fast != cairo, "the default painter should not stroke solid lines with Cairo")
        // As for the dense batch: Cairo's sampled coverage against the exact area, over 40 overlapping lines.
        #expect(meanDifference(fast, cairo) < 1.2)
        #expect(maxDifference(fast, cairo) <= 24)
        // The same lines as one batch: the same pixels.
        var batch = LineBatch()
        for case let .line(from, to, stroke) in items.map(\.primitive) {
            batch.append(from: from, to: to, color: stroke.color, width: stroke.width)
        }
        #expect(try CairoPainter().renderPixels(scene(batch, background: .white, size: 120)) == fast)
        let dashed = Scene(width: 120, height: 120, background: .white, items: [
            Item(.line(from: Point(5, 60), to: Point(115, 60), stroke: Stroke(.black, width: 1.5, dash: [4, 3])), role: "summary"),
        ])
        #expect(try CairoPainter().renderPixels(dashed) == CairoPainter(fastLineThreshold: .max).renderPixels(dashed))
    }
}
