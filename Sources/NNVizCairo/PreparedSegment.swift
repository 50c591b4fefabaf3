import NNVizScene

/// One segment of a `LineRasterizer` batch in device pixels, with everything the per-band drawing needs
/// worked out once.
///
/// Coordinates are (m, n): m along the major axis (x when the segment is wider than tall), n the other.
/// Each major-axis column is walked in fixed point: the centre line's n in 32.32, the distance from it in
/// 1/32-pixel table units (16.16); coverage comes from a shared `CoverageTables` table, and only the few
/// columns at either end also evaluate the butt caps exactly.
struct PreparedSegment {
    let xMajor: Bool
    let m0: Double, n0: Double
    /// Major-axis pixels the line can touch (end caps included), clipped to the canvas.
    let mFrom: Int, mTo: Int
    /// Device rows the line can touch.
    let yLo: Double, yHi: Double
    let um: Double, un: Double, length: Double, half: Double, extent: Double, slope: Double
    let profile: PixelProfile
    /// Offset of this segment's coverage table and its last valid index.
    let table: Int, tableLast: Int
    /// Opacity × 255 × 256.
    let alpha16: UInt32
    /// Straight colour packed for two-channels-at-a-time blending: 0x00RR00BB and 0x00FF00GG.
    let sourceRB: UInt32, sourceAG: UInt32

    private static let one32 = 4_294_967_296.0          // 2³² (32.32 fixed point)
    private static let tableUnit = Double(CoverageTables.samplesPerPixel) * 65_536   // 16.16 table steps

    init?(x0: Double, y0: Double, x1: Double, y1: Double, width w: Double, color: Color,
          canvasWidth: Int, canvasHeight: Int, tables: inout CoverageTables) {
        guard w.isFinite, w > 0, w < 4_096, color.a.isFinite, color.a > 0 else { return nil }
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
        table = tables.table(a: profile.a, half: half)
        tableLast = Int((reach * Double(CoverageTables.samplesPerPixel)).rounded(.up)) + 2
        alpha16 = UInt32((min(1, color.a) * 255 * 256).rounded())
        let r = PreparedSegment.channel(color.r), g = PreparedSegment.channel(color.g), b = PreparedSegment.channel(color.b)
        sourceRB = (r << 16) | b
        sourceAG = (255 << 16) | g
    }

    /// Draws the part of the segment inside `rows`.
    func draw(on canvas: Canvas, rows: Range<Int>, tables: UnsafePointer<UInt16>) {
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
        let lut = tables + table
        let one = PreparedSegment.one32
        // Centre line in 32.32; pixel n is touched when its centre n + ½ lies within `extent` of it.
        var line = Int((n0 + (Double(mStart) + 0.5 - m0) * slope) * one)
        let lineStep = Int(slope * one)
        let reachFix = Int((extent + 0.5) * one), oneFix = Int(one)
        let acrossStep = Int(um * PreparedSegment.tableUnit)
        let capStart = profile.h, capEnd = length - profile.h
        for pm in mStart...mEnd {
            let nFrom = max(nLow, ((line &- reachFix) >> 32) &+ 1)
            let nTo = min(nHigh, (line &+ reachFix &- oneFix) >> 32)
            line &+= lineStep
            guard nFrom <= nTo else { continue }
            let rm = Double(pm) + 0.5 - m0
            let rn = Double(nFrom) + 0.5 - n0
            var across = Int((rn * um - rm * un) * PreparedSegment.tableUnit)
            var index = pm &* strideM &+ nFrom &* strideN
            let along0 = rm * um + rn * un, along1 = along0 + Double(nTo - nFrom) * un
            if min(along0, along1) >= capStart && max(along0, along1) <= capEnd {
                for _ in nFrom...nTo {
                    let i = min((abs(across) &+ 32_768) >> 16, tableLast)
                    let a8 = (UInt32(lut[i]) &* alpha16 &+ 0x80_0000) >> 24
                    pixels[index] = blend(pixels[index], a8)
                    across &+= acrossStep
                    index &+= strideN
                }
            } else {
                // Near an end: the butt cap's coverage along the line, exactly.
                var along = along0
                for _ in nFrom...nTo {
                    let i = min((abs(across) &+ 32_768) >> 16, tableLast)
                    let cap = profile.cdf(along) - profile.cdf(along - length)
                    let a8 = UInt32((Double(lut[i]) * Double(alpha16) * max(0, cap) / 16_777_216).rounded())
                    pixels[index] = blend(pixels[index], min(255, a8))
                    across &+= acrossStep
                    along += un
                    index &+= strideN
                }
            }
        }
    }

    /// Source-over of the segment's colour at alpha `a8` onto a premultiplied pixel, two channels per
    /// multiply (each 16-bit lane holds c·a8 + d·(255 − a8) + 128 ≤ 65 153, so no carry crosses lanes);
    /// rounding as pixman's: t ↦ (t + t >> 8) >> 8. With a8 = 0 the pixel comes back unchanged.
    @inline(__always) private func blend(_ d: UInt32, _ a8: UInt32) -> UInt32 {
        let k = 255 &- a8
        var rb = sourceRB &* a8 &+ (d & 0x00FF_00FF) &* k &+ 0x0080_0080
        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var ag = sourceAG &* a8 &+ ((d >> 8) & 0x00FF_00FF) &* k &+ 0x0080_0080
        ag = (ag &+ ((ag >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
        return rb | ag
    }

    private static func channel(_ v: Double) -> UInt32 {
        v.isNaN ? 0 : UInt32(min(1, max(0, v)) * 255 + 0.5)
    }
}
