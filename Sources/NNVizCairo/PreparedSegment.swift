import NNVizScene

/// One segment of a `LineRasterizer` batch in device pixels, with everything the per-band drawing needs
/// worked out once.
///
/// Coordinates are (m, n): m along the major axis (x when the segment is wider than tall), n the other.
/// `SegmentWalk` steps along the major axis in fixed point; coverage comes from a shared `CoverageTables`
/// table, and only the few steps at either end also evaluate the butt caps exactly.
struct PreparedSegment {
    let xMajor: Bool
    let m0: Double, n0: Double
    /// Major-axis pixels the line can touch (end caps included), clipped to the canvas.
    let mFrom: Int, mTo: Int
    /// Device rows the line can touch.
    let yLo: Double, yHi: Double
    let um: Double, un: Double, length: Double, half: Double, extent: Double, slope: Double
    let profile: PixelProfile
    /// Which coverage table the segment uses (`CoverageTables.key`).
    let tableKey: Int
    /// Offset of that table in the batch's storage and its last index (a zero entry: farther pixels clamp to it),
    /// set once every segment is prepared (`CoverageTables.place`).
    var table = 0, tableLast = 0
    /// Major-axis steps whose every touched pixel lies clear of both end caps.
    let interiorFrom: Int, interiorTo: Int
    /// Opacity × 255 × 256.
    let alpha16: UInt32
    /// Straight colour packed for two-channels-at-a-time blending: 0x00RR00BB and 0x00FF00GG.
    let sourceRB: UInt32, sourceAG: UInt32


    init?(x0: Double, y0: Double, x1: Double, y1: Double, width w: Double, color: Color,
          canvasWidth: Int, canvasHeight: Int) {
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
        // A pixel whose centre is d (|d| < extent + ½) across from the centre line at step m lies
        // (m + ½ − m0) / um + d·un along the line: the step is interior when that stays within the caps.
        let spread = (extent + 0.5) * abs(un)
        let lo = profile.h + spread, hi = length - profile.h - spread
        if lo < hi {
            let ma = s.x0 - 0.5 + um * lo, mb = s.x0 - 0.5 + um * hi
            interiorFrom = Int(min(ma, mb).rounded(.up)) + 1
            interiorTo = Int(max(ma, mb).rounded(.down)) - 1
        } else {
            interiorFrom = 0; interiorTo = -1
        }
        tableKey = CoverageTables.key(a: profile.a, half: half)
        alpha16 = UInt32((min(1, color.a) * 255 * 256).rounded())
        let r = PreparedSegment.channel(color.r), g = PreparedSegment.channel(color.g), b = PreparedSegment.channel(color.b)
        sourceRB = (r << 16) | b
        sourceAG = (255 << 16) | g
    }

    /// Source-over of the segment's colour at alpha `a8` onto a premultiplied pixel, two channels per
    /// multiply (each 16-bit lane holds c·a8 + d·(255 − a8) + 128 ≤ 65 153, so no carry crosses lanes);
    /// rounding as pixman's: t ↦ (t + t >> 8) >> 8. With a8 = 0 the pixel comes back unchanged.
    @inline(__always) static func blend(_ d: UInt32, _ a8: UInt32, sourceRB: UInt32, sourceAG: UInt32) -> UInt32 {
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
