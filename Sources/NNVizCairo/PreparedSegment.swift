import NNVizScene

/// One segment of a `LineRasterizer` batch in device pixels, with everything the per-band drawing needs
/// worked out once.
///
/// Coordinates are (m, n): m along the major axis (x when the segment is wider than tall), n the other.
/// Coverage is computed four pixels of a column (or row) at a time with SIMD, branch-free.
struct PreparedSegment {
    let xMajor: Bool
    let m0: Double, n0: Double
    /// Major-axis pixels the line can touch (end caps included), clipped to the canvas.
    let mFrom: Int, mTo: Int
    /// Device rows the line can touch.
    let yLo: Double, yHi: Double
    let um: Double, un: Double, length: Double, half: Double, extent: Double, slope: Double
    let profile: PixelProfile
    let alpha255: Double
    /// Straight colour packed for two-channels-at-a-time blending: 0x00RR00BB and 0x00FF00GG.
    let sourceRB: UInt32, sourceAG: UInt32

    init?(x0: Double, y0: Double, x1: Double, y1: Double, width w: Double, color: Color,
          canvasWidth: Int, canvasHeight: Int) {
        guard w.isFinite, w > 0, color.a.isFinite, color.a > 0 else { return nil }
        // Clip to the canvas grown by a margin wider than any pixel the line touches, so far-away or huge
        // coordinates cost nothing; the clipped ends lie outside the canvas, so their caps stay invisible.
        let margin = w + 4
        guard var s = ClippedSegment(x0: x0, y0: y0, x1: x1, y1: y1, minX: -margin, minY: -margin,
                                     maxX: Double(canvasWidth) + margin, maxY: Double(canvasHeight) + margin)
        else { return nil }
        let dx = s.x1 - s.x0, dy = s.y1 - s.y0
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1e-9 else { return nil }
        xMajor = abs(dx) >= abs(dy)
        half = w / 2
        yLo = min(s.y0, s.y1) - half - 1
        yHi = max(s.y0, s.y1) + half + 1
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
        alpha255 = min(1, color.a) * 255
        let r = PreparedSegment.channel(color.r), g = PreparedSegment.channel(color.g), b = PreparedSegment.channel(color.b)
        sourceRB = (r << 16) | b
        sourceAG = (255 << 16) | g
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
                mStart = max(mStart, PreparedSegment.floor(min(ma, mb)))
                mEnd = min(mEnd, PreparedSegment.floor(max(ma, mb)) + 1)
            }
        } else {
            nLow = 0; nHigh = canvas.width - 1
            mStart = max(mStart, rows.lowerBound)
            mEnd = min(mEnd, rows.upperBound - 1)
        }
        guard mStart <= mEnd else { return }
        let strideM = xMajor ? 1 : canvas.stride, strideN = xMajor ? canvas.stride : 1
        let pixels = canvas.pixels
        let capZone = profile.h + 1
        let lanes = SIMD4<Double>(0, 1, 2, 3)
        for pm in mStart...mEnd {
            let cm = Double(pm) + 0.5
            let nLine = n0 + (cm - m0) * slope
            // Pixels whose centre lies within `extent` of the centre line: centre n + 0.5 in (nLine ± extent).
            let nFrom = max(nLow, PreparedSegment.floor(nLine - extent - 0.5) + 1)
            let nTo = min(nHigh, PreparedSegment.floor(nLine + extent - 0.5))
            guard nFrom <= nTo else { continue }
            let rm = cm - m0
            let rmAlong = rm * um, rmAcross = rm * un
            // Caps only matter within a pixel or so of either end.
            let needCap = rm < capZone + abs(slope) * extent || rm > abs(length * um) - capZone - abs(slope) * extent
            let count = nTo - nFrom + 1
            let firstRn = Double(nFrom) + 0.5 - n0
            var k = 0
            while k < count {
                let rn = lanes + (firstRn + Double(k))
                let across = rn * um - rmAcross          // signed distance from the centre line
                var cover = profile.cover(across, half: half)
                if needCap {
                    let along = rn * un + rmAlong        // distance from the start, along the line
                    cover *= profile.cdf(along) - profile.cdf(along - length)
                }
                let a = cover * alpha255
                let lanesHere = min(4, count - k)
                var index = pm &* strideM &+ (nFrom &+ k) &* strideN
                for lane in 0..<lanesHere {
                    let a8 = PreparedSegment.byte(a[lane])
                    if a8 > 0 { pixels[index] = blend(pixels[index], a8) }
                    index &+= strideN
                }
                k += 4
            }
        }
    }

    /// Source-over of the segment's colour at alpha `a8` onto a premultiplied pixel, two channels per
    /// multiply (each 16-bit lane holds c·a8 + d·(255 − a8) + 128 ≤ 65 153, so no carry crosses lanes);
    /// rounding as pixman's: t ↦ (t + t >> 8) >> 8.
    @inline(__always) private func blend(_ d: UInt32, _ a8: UInt32) -> UInt32 {
        let k = 255 &- a8
        var rb = sourceRB &* a8 &+ (d & 0x00FF_00FF) &* k &+ 0x0080_0080
        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var ag = sourceAG &* a8 &+ ((d >> 8) & 0x00FF_00FF) &* k &+ 0x0080_0080
        ag = (ag &+ ((ag >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
        return rb | ag
    }

    /// `v` (expected in 0…255) rounded to the nearest integer and clamped, without trapping conversions:
    /// adding 1.5 × 2⁵² leaves the rounded value in the low mantissa bits.
    @inline(__always) static func byte(_ v: Double) -> UInt32 {
        let clamped = v < 0 ? 0 : (v > 255 ? 255 : v)
        return UInt32(truncatingIfNeeded: (clamped + 6_755_399_441_055_744).bitPattern) & 0x1FF
    }

    /// ⌊v⌋ for the moderate values of clipped geometry, without a libm call.
    @inline(__always) static func floor(_ v: Double) -> Int {
        let t = Int(v)
        return Double(t) > v ? t - 1 : t
    }

    private static func channel(_ v: Double) -> UInt32 {
        v.isNaN ? 0 : UInt32(min(1, max(0, v)) * 255 + 0.5)
    }
}
