import Dispatch
import NNVizScene

/// Composites many antialiased straight segments straight into an ARGB32 premultiplied pixel buffer.
///
/// The dense-edge fast path: Cairo strokes long antialiased lines one by one (~80 µs each); this draws the same
/// butt-capped lines with box-filter coverage (the exact area of each pixel square inside the line's strip, times
/// the coverage across each end cap) and source-over blending in 8-bit premultiplied ARGB, as pixman does.
/// The canvas is cut into bands of rows small enough to stay in cache; each band draws every segment that
/// reaches it, in order, clipped to its rows, so the result does not depend on how bands are shared among cores.
struct LineRasterizer {
    /// Device pixels per scene unit.
    var scale: Double

    func draw(_ batch: LineBatch, count n: Int, into pixels: UnsafeMutablePointer<UInt32>,
              width: Int, height: Int, stride: Int) {
        guard width > 0, height > 0, n > 0 else { return }
        let canvas = Canvas(pixels: pixels, width: width, height: height, stride: stride)
        var prepared: [PreparedSegment] = []
        prepared.reserveCapacity(n)
        let c = batch.coordinates
        for i in 0..<n {
            if let p = PreparedSegment(x0: c[4 * i] * scale, y0: c[4 * i + 1] * scale,
                                       x1: c[4 * i + 2] * scale, y1: c[4 * i + 3] * scale,
                                       width: batch.widths[i] * scale, color: batch.colors[i],
                                       canvasWidth: width, canvasHeight: height) {
                prepared.append(p)
            }
        }
        // ~256 KB of pixels per band: fits in L2 while every segment crossing it is drawn.
        let rowsPerBand = max(8, min(height, 65_536 / max(1, stride)))
        let bands = (height + rowsPerBand - 1) / rowsPerBand
        prepared.withUnsafeBufferPointer { segments in
            let shared = SharedSegments(segments: segments)
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                let rows = (band * rowsPerBand)..<min(height, (band + 1) * rowsPerBand)
                for segment in shared.segments where segment.yHi >= Double(rows.lowerBound) && segment.yLo < Double(rows.upperBound) {
                    segment.draw(on: canvas, rows: rows)
                }
            }
        }
    }
}

/// The prepared segments, read (never written) by every band.
struct SharedSegments: @unchecked Sendable {
    let segments: UnsafeBufferPointer<PreparedSegment>
}

/// A pixel buffer shared by the bands (each band writes only its own rows).
struct Canvas: @unchecked Sendable {
    let pixels: UnsafeMutablePointer<UInt32>
    let width: Int
    let height: Int
    /// Row stride in pixels.
    let stride: Int
}

/// One segment in device pixels, with everything the per-band drawing needs worked out once.
///
/// Coordinates are (m, n): m along the major axis (x when the segment is wider than tall), n the other.
struct PreparedSegment {
    let xMajor: Bool
    let m0: Double, n0: Double
    /// Major-axis pixels the line can touch (end caps included), clipped to the canvas.
    let mFrom: Int, mTo: Int
    /// Device rows the line can touch.
    let yLo: Double, yHi: Double
    let um: Double, un: Double, length: Double, half: Double, extent: Double, slope: Double
    let profile: PixelProfile
    let alpha: Double
    let r: UInt32, g: UInt32, b: UInt32

    init?(x0: Double, y0: Double, x1: Double, y1: Double, width w: Double, color: Color,
          canvasWidth: Int, canvasHeight: Int) {
        guard w.isFinite, w > 0, color.a.isFinite, color.a > 0 else { return nil }
        // Clip to the canvas grown by a margin wider than any pixel the line touches, so far-away or huge
        // coordinates cost nothing; the clipped ends lie outside the canvas, so their caps stay invisible.
        let margin = w + 4
        guard var s = ClippedSegment(x0: x0, y0: y0, x1: x1, y1: y1, minX: -margin, minY: -margin,
                                     maxX: Double(canvasWidth) + margin, maxY: Double(canvasHeight) + margin)
        else { return nil }
        let dxy = (x: s.x1 - s.x0, y: s.y1 - s.y0)
        let length = (dxy.x * dxy.x + dxy.y * dxy.y).squareRoot()
        guard length > 1e-9 else { return nil }
        xMajor = abs(dxy.x) >= abs(dxy.y)
        half = w / 2
        let reachXY = half + 1  // generous bound of the touched rows
        yLo = min(s.y0, s.y1) - reachXY
        yHi = max(s.y0, s.y1) + reachXY
        if !xMajor { s = ClippedSegment(swapping: s) }
        let dm = s.x1 - s.x0, dn = s.y1 - s.y0
        m0 = s.x0; n0 = s.y0
        um = dm / length; un = dn / length
        self.length = length
        profile = PixelProfile(a: abs(um), b: abs(un))
        let reach = half + profile.h
        extent = reach / profile.a
        slope = dn / dm
        let mLimit = xMajor ? canvasWidth : canvasHeight
        mFrom = max(0, Int((min(s.x0, s.x1) - reach).rounded(.down)))
        mTo = min(mLimit - 1, Int((max(s.x0, s.x1) + reach).rounded(.up)))
        guard mFrom <= mTo else { return nil }
        alpha = min(1, color.a)
        r = PreparedSegment.channel(color.r); g = PreparedSegment.channel(color.g); b = PreparedSegment.channel(color.b)
    }

    /// Draws the part of the segment inside `rows`.
    func draw(on canvas: Canvas, rows: Range<Int>) {
        var mStart = mFrom, mEnd = mTo
        let nLow: Int, nHigh: Int
        if xMajor {
            nLow = rows.lowerBound; nHigh = rows.upperBound - 1
            // Columns whose centre line comes within reach of these rows.
            if abs(slope) > 1e-12 {
                let ma = m0 + (Double(rows.lowerBound) - extent - 1 - n0) / slope
                let mb = m0 + (Double(rows.upperBound) + extent + 1 - n0) / slope
                mStart = max(mStart, Int(min(ma, mb).rounded(.down)))
                mEnd = min(mEnd, Int(max(ma, mb).rounded(.up)))
            }
        } else {
            nLow = 0; nHigh = canvas.width - 1
            mStart = max(mStart, rows.lowerBound)
            mEnd = min(mEnd, rows.upperBound - 1)
        }
        guard mStart <= mEnd else { return }
        let strideM = xMajor ? 1 : canvas.stride, strideN = xMajor ? canvas.stride : 1
        let pixels = canvas.pixels
        let h = profile.h
        let alpha255 = alpha * 255
        for pm in mStart...mEnd {
            let cm = Double(pm) + 0.5
            let nLine = n0 + (cm - m0) * slope
            let nFrom = max(nLow, Int((nLine - extent - 0.5).rounded(.up)))
            let nTo = min(nHigh, Int((nLine + extent - 0.5).rounded(.down)))
            guard nFrom <= nTo else { continue }
            let rm = cm - m0
            var rn = Double(nFrom) + 0.5 - n0
            var index = pm &* strideM &+ nFrom &* strideN
            for _ in nFrom...nTo {
                let across = rn * um - rm * un       // signed distance from the centre line
                let along = rm * um + rn * un        // distance from the start, along the line
                var cover = profile.cover(across, half: half)
                if along < h || along > length - h {
                    cover *= profile.cdf(along) - profile.cdf(along - length)
                }
                let a8 = PreparedSegment.byte(alpha255 * cover)
                if a8 > 0 { pixels[index] = blend(pixels[index], a8) }
                rn += 1
                index &+= strideN
            }
        }
    }

    /// Source-over of the segment's colour at alpha `a8` onto a premultiplied pixel.
    @inline(__always) private func blend(_ d: UInt32, _ a8: UInt32) -> UInt32 {
        let k = 255 &- a8
        @inline(__always) func mix(_ s: UInt32, _ d: UInt32) -> UInt32 {
            let t = s &* a8 &+ d &* k &+ 128
            return (t &+ (t >> 8)) >> 8
        }
        return (mix(255, d >> 24) << 24) | (mix(r, (d >> 16) & 0xFF) << 16) | (mix(g, (d >> 8) & 0xFF) << 8) | mix(b, d & 0xFF)
    }

    /// `v` (expected in 0…255) rounded to the nearest integer and clamped, without trapping conversions:
    /// adding 1.5 × 2⁵² leaves the rounded value in the low mantissa bits.
    @inline(__always) static func byte(_ v: Double) -> UInt32 {
        let clamped = min(255, max(0, v))
        return UInt32(truncatingIfNeeded: (clamped + 6_755_399_441_055_744).bitPattern) & 0x1FF
    }

    private static func channel(_ v: Double) -> UInt32 {
        v.isNaN ? 0 : UInt32(min(1, max(0, v)) * 255 + 0.5)
    }
}
