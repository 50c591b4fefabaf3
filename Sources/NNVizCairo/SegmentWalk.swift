/// One band's pass along a `PreparedSegment`: steps m along the major axis, touching at each the few pixels
/// across whose centres lie within the line's reach.
///
/// State is fixed point: the centre line's n in 32.32, the distance across it in 32.32 table units (1/32 px),
/// both advanced by adding a step per m, so interior steps do no floating point at all.
struct SegmentWalk {
    let segment: PreparedSegment
    let pixels: UnsafeMutablePointer<UInt32>
    let strideM: Int, strideN: Int
    /// Pixels across (n) allowed: the band's rows for x-major lines, the canvas columns otherwise.
    let nLow: Int, nHigh: Int
    let lut: UnsafePointer<UInt16>
    let lineStep: Int, reachFix: Int
    /// Change of the distance across per step along (m) and per pixel across (n).
    let acrossStepM: Int, acrossStepN: Int

    /// The segment's colour as two pixels' little-endian bytes (B, G, R, 255) in 16-bit lanes.
    let source: SIMD8<UInt16>

    private static let one = 4_294_967_296.0                                   // 2³²
    private static let oneFix = 1 << 32
    private static let tableUnit = Double(CoverageTables.samplesPerPixel) * one

    init(segment s: PreparedSegment, canvas: Canvas, nLow: Int, nHigh: Int, lut: UnsafePointer<UInt16>) {
        segment = s
        pixels = canvas.pixels
        strideM = s.xMajor ? 1 : canvas.stride
        strideN = s.xMajor ? canvas.stride : 1
        self.nLow = nLow; self.nHigh = nHigh
        self.lut = lut
        lineStep = Int(s.slope * SegmentWalk.one)
        // Pixel n is touched when its centre n + ½ lies within `extent` of the centre line.
        reachFix = Int((s.extent + 0.5) * SegmentWalk.one)
        let r = UInt16(truncatingIfNeeded: s.sourceRB >> 16), g = UInt16(truncatingIfNeeded: s.sourceAG)
        let b = UInt16(truncatingIfNeeded: s.sourceRB & 0xFF)
        source = SIMD8(b, g, r, 255, b, g, r, 255)
        acrossStepM = Int(-s.un * SegmentWalk.tableUnit)
        acrossStepN = Int(s.um * SegmentWalk.tableUnit)
    }

    /// The centre line at step `m` and the distance across of pixel n = 0 there, both fixed point.
    private func start(_ m: Int) -> (line: Int, across: Int) {
        let rm = Double(m) + 0.5 - segment.m0
        let line = Int((segment.n0 + rm * segment.slope) * SegmentWalk.one)
        let across = Int(((0.5 - segment.n0) * segment.um - rm * segment.un) * SegmentWalk.tableUnit)
        return (line, across)
    }

    /// Steps `from...to`, all clear of the end caps: coverage straight from the table, turned into 8-bit
    /// alphas once per call.
    func interior(_ from: Int, _ to: Int) {
        let last = segment.tableLast, alpha16 = segment.alpha16
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: last + 1) { alphas in
            guard let a8 = alphas.baseAddress else { return }
            for i in 0...last { a8[i] = (UInt32(lut[i]) &* alpha16 &+ 0x80_0000) >> 24 }
            var (line, rowAcross) = start(from)
            let half = 1 << 31
            for m in from...to {
                let nFrom = max(nLow, ((line &- reachFix) >> 32) &+ 1)
                let nTo = min(nHigh, (line &+ reachFix &- SegmentWalk.oneFix) >> 32)
                line &+= lineStep
                if nFrom <= nTo {
                    var across = rowAcross &+ nFrom &* acrossStepN
                    var index = m &* strideM &+ nFrom &* strideN
                    // Two pixels at a time; an odd last one pairs with its neighbour at alpha 0 when that
                    // pixel is ours to write, else goes alone.
                    var n = nFrom
                    while n <= nTo {
                        let i0 = min((abs(across) &+ half) >> 32, last)
                        if n < nTo || n < nHigh {
                            let i1 = min((abs(across &+ acrossStepN) &+ half) >> 32, last)
                            blendPair(index, index &+ strideN, a8[i0], n < nTo ? a8[i1] : 0)
                        } else {
                            pixels[index] = segment.blend(pixels[index], a8[i0])
                        }
                        across &+= 2 &* acrossStepN
                        index &+= 2 &* strideN
                        n &+= 2
                    }
                }
                rowAcross &+= acrossStepM
            }
        }
    }

    /// `PreparedSegment.blend` of two pixels at once in 16-bit lanes, channel for channel the same result.
    @inline(__always) private func blendPair(_ p: Int, _ q: Int, _ a: UInt32, _ b: UInt32) {
        let d = SIMD8<UInt16>(truncatingIfNeeded: unsafeBitCast(SIMD2(pixels[p], pixels[q]), to: SIMD8<UInt8>.self))
        let alpha = SIMD8<UInt16>(lowHalf: SIMD4(repeating: UInt16(truncatingIfNeeded: a)),
                                  highHalf: SIMD4(repeating: UInt16(truncatingIfNeeded: b)))
        var t = source &* alpha &+ d &* (255 &- alpha) &+ 128
        t = (t &+ (t &>> 8)) &>> 8
        let out = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: t), to: SIMD2<UInt32>.self)
        pixels[p] = out[0]
        pixels[q] = out[1]
    }

    /// Steps `from...to` near an end: each pixel's coverage also times the butt cap's, exactly.
    func ends(_ from: Int, _ to: Int) {
        let s = segment
        let capStart = s.profile.h, capEnd = s.length - s.profile.h
        let scale = Double(s.alpha16) / 16_777_216
        var (line, rowAcross) = start(from)
        let half = 1 << 31
        for m in from...to {
            let nFrom = max(nLow, ((line &- reachFix) >> 32) &+ 1)
            let nTo = min(nHigh, (line &+ reachFix &- SegmentWalk.oneFix) >> 32)
            line &+= lineStep
            if nFrom <= nTo {
                var across = rowAcross &+ nFrom &* acrossStepN
                var index = m &* strideM &+ nFrom &* strideN
                var along = (Double(m) + 0.5 - s.m0) * s.um + (Double(nFrom) + 0.5 - s.n0) * s.un
                for _ in nFrom...nTo {
                    let i = min((abs(across) &+ half) >> 32, s.tableLast)
                    let cap = along < capStart || along > capEnd
                        ? max(0, s.profile.cdf(along) - s.profile.cdf(along - s.length)) : 1
                    let a8 = UInt32((Double(lut[i]) * scale * cap).rounded())
                    pixels[index] = s.blend(pixels[index], min(255, a8))
                    across &+= acrossStepN
                    along += s.un
                    index &+= strideN
                }
            }
            rowAcross &+= acrossStepM
        }
    }
}
