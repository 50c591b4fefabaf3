/// One band's pass along a `PreparedSegment`: steps m along the major axis, touching at each the few pixels
/// across whose centres lie within the line's reach.
///
/// State is fixed point: the centre line's n in 32.32, the distance across it in 32.32 table units (1/32 px),
/// both advanced by adding a step per m, so interior steps do no floating point at all.
struct SegmentWalk {
    /// The segment, read in place (it is too big to copy for every band it crosses).
    let segment: UnsafePointer<PreparedSegment>
    let m0: Double, n0: Double, um: Double, un: Double, slope: Double
    let tableLast: Int, alpha16: UInt32
    let sourceRB: UInt32, sourceAG: UInt32
    let pixels: UnsafeMutablePointer<UInt32>
    let strideM: Int, strideN: Int
    /// Pixels across (n) allowed: the band's rows for x-major lines, the canvas columns otherwise.
    let nLow: Int, nHigh: Int
    let lut: UnsafePointer<UInt16>
    let lineStep: Int, reachFix: Int
    /// Change of the distance across per step along (m) and per pixel across (n).
    let acrossStepM: Int, acrossStepN: Int

    /// The segment's colour for `blendPair`: (B, R, G, 255) twice, in 16-bit lanes.
    let source: SIMD8<UInt16>

    private static let one = 4_294_967_296.0                                   // 2³²
    private static let oneFix = 1 << 32
    private static let tableUnit = Double(CoverageTables.samplesPerPixel) * one

    /// Draws the part of `segment` inside `rows`: the steps away from the ends in an all-integer loop, the
    /// few near either end with the caps' exact coverage.
    static func draw(_ segment: UnsafePointer<PreparedSegment>, on canvas: Canvas, rows: Range<Int>,
                     tables: UnsafePointer<UInt16>) {
        let s = segment
        var mStart = s[0].mFrom, mEnd = s[0].mTo
        let nLow: Int, nHigh: Int
        if s[0].xMajor {
            nLow = rows.lowerBound; nHigh = rows.upperBound - 1
            // Columns whose centre line comes within reach of these rows.
            let slope = s[0].slope, m0 = s[0].m0, n0 = s[0].n0, extent = s[0].extent
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
        let walk = SegmentWalk(segment: segment, canvas: canvas, nLow: nLow, nHigh: nHigh, tables: tables)
        let fastFrom = max(mStart, s[0].interiorFrom), fastTo = min(mEnd, s[0].interiorTo)
        guard fastFrom <= fastTo else { return walk.ends(mStart, mEnd) }
        if mStart < fastFrom { walk.ends(mStart, fastFrom - 1) }
        walk.interior(fastFrom, fastTo)
        if fastTo < mEnd { walk.ends(fastTo + 1, mEnd) }
    }

    private init(segment: UnsafePointer<PreparedSegment>, canvas: Canvas, nLow: Int, nHigh: Int,
                 tables: UnsafePointer<UInt16>) {
        self.segment = segment
        let s = segment[0]
        m0 = s.m0; n0 = s.n0; um = s.um; un = s.un; slope = s.slope
        tableLast = s.tableLast; alpha16 = s.alpha16
        sourceRB = s.sourceRB; sourceAG = s.sourceAG
        lut = tables + s.table
        pixels = canvas.pixels
        strideM = s.xMajor ? 1 : canvas.stride
        strideN = s.xMajor ? canvas.stride : 1
        self.nLow = nLow; self.nHigh = nHigh
        lineStep = Int(s.slope * SegmentWalk.one)
        // Pixel n is touched when its centre n + ½ lies within `extent` of the centre line.
        reachFix = Int((s.extent + 0.5) * SegmentWalk.one)
        let r = UInt16(truncatingIfNeeded: s.sourceRB >> 16), g = UInt16(truncatingIfNeeded: s.sourceAG)
        let b = UInt16(truncatingIfNeeded: s.sourceRB & 0xFF)
        source = SIMD8(b, r, g, 255, b, r, g, 255)
        acrossStepM = Int(-s.un * SegmentWalk.tableUnit)
        acrossStepN = Int(s.um * SegmentWalk.tableUnit)
    }

    /// The centre line at step `m` and the distance across of pixel n = 0 there, both fixed point.
    private func start(_ m: Int) -> (line: Int, across: Int) {
        let rm = Double(m) + 0.5 - m0
        let line = Int((n0 + rm * slope) * SegmentWalk.one)
        let across = Int(((0.5 - n0) * um - rm * un) * SegmentWalk.tableUnit)
        return (line, across)
    }

    /// Steps `from...to`, all clear of the end caps: coverage straight from the table, turned into 8-bit
    /// alphas once per call.
    private func interior(_ from: Int, _ to: Int) {
        let last = tableLast
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: last + 1) { alphas in
            guard let a8 = alphas.baseAddress else { return }
            for i in 0...last { a8[i] = ((UInt32(lut[i]) &* alpha16 &+ 0x80_0000) >> 24) &* 0x1_0001 }
            let px = pixels, source = source
            let half = 1 << 31
            steps(from, to) { m, nFrom, nTo, across, index in
                // Two pixels at a time, an odd last one alone.
                var across = across, index = index, n = nFrom
                while n <= nTo {
                    let i0 = min((abs(across) &+ half) >> 32, last)
                    if n < nTo {
                        let i1 = min((abs(across &+ acrossStepN) &+ half) >> 32, last)
                        SegmentWalk.blendPair(px, index, index &+ strideN, a8[i0], a8[i1], source)
                    } else {
                        px[index] = PreparedSegment.blend(px[index], a8[i0] & 0xFF, sourceRB: sourceRB,
                                                          sourceAG: sourceAG)
                    }
                    across &+= 2 &* acrossStepN
                    index &+= 2 &* strideN
                    n &+= 2
                }
            }
        }
    }

    /// `PreparedSegment.blend` of the pixels at `p` and `q` at once, in 16-bit lanes (B, R, G, A of each),
    /// channel for channel the same result; `a2` and `b2` are their alphas in both halves (a × 0x10001).
    @inline(__always) private static func blendPair(_ px: UnsafeMutablePointer<UInt32>, _ p: Int, _ q: Int,
                                                    _ a2: UInt32, _ b2: UInt32, _ source: SIMD8<UInt16>) {
        let d0 = px[p], d1 = px[q]
        let spread = SIMD4<UInt32>(d0, d0 >> 8, d1, d1 >> 8) & 0x00FF_00FF
        let d = unsafeBitCast(spread, to: SIMD8<UInt16>.self)
        let alpha = unsafeBitCast(SIMD4<UInt32>(a2, a2, b2, b2), to: SIMD8<UInt16>.self)
        var t = source &* alpha &+ d &* (255 &- alpha) &+ 128
        t = (t &+ (t &>> 8)) &>> 8
        let out = unsafeBitCast(t, to: SIMD4<UInt32>.self)
        px[p] = out[0] | (out[1] << 8)
        px[q] = out[2] | (out[3] << 8)
    }

    /// Steps `from...to` near an end: each pixel's coverage also times the butt cap's, exactly.
    private func ends(_ from: Int, _ to: Int) {
        let profile = segment[0].profile, length = segment[0].length
        let capStart = profile.h, capEnd = length - profile.h
        let scale = Double(alpha16) / 16_777_216
        let half = 1 << 31
        steps(from, to) { m, nFrom, nTo, across, index in
            var across = across, index = index
            var along = (Double(m) + 0.5 - m0) * um + (Double(nFrom) + 0.5 - n0) * un
            for _ in nFrom...nTo {
                let i = min((abs(across) &+ half) >> 32, tableLast)
                let cap = along < capStart || along > capEnd
                    ? max(0, profile.cdf(along) - profile.cdf(along - length)) : 1
                let a8 = UInt32((Double(lut[i]) * scale * cap).rounded())
                pixels[index] = PreparedSegment.blend(pixels[index], min(255, a8), sourceRB: sourceRB, sourceAG: sourceAG)
                across &+= acrossStepN
                along += un
                index &+= strideN
            }
        }
    }

    /// Calls `body` for each step m in `from...to` that touches pixels, with the first and last pixel across
    /// (n), the first one's distance across in table units (32.32) and its index in the canvas.
    @inline(__always) private func steps(_ from: Int, _ to: Int,
                                         _ body: (_ m: Int, _ nFrom: Int, _ nTo: Int, _ across: Int, _ index: Int) -> Void) {
        var (line, rowAcross) = start(from)
        for m in from...to {
            let nFrom = max(nLow, ((line &- reachFix) >> 32) &+ 1)
            let nTo = min(nHigh, (line &+ reachFix &- SegmentWalk.oneFix) >> 32)
            line &+= lineStep
            if nFrom <= nTo {
                body(m, nFrom, nTo, rowAcross &+ nFrom &* acrossStepN, m &* strideM &+ nFrom &* strideN)
            }
            rowAcross &+= acrossStepM
        }
    }
}
