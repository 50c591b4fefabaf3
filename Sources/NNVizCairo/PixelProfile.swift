/// The area of a unit pixel square on one side of a line, as a function of the line's signed distance from
/// the pixel centre, four distances at a time.
///
/// The square projected onto the line's normal is a trapezoid (boxes of widths a and b convolved), so its
/// cumulative area is F(x) = [Q(x+h) − Q(x+k) − Q(x−k) + Q(x−h)] / 2ab with Q(t) = max(t, 0)², h = (a+b)/2,
/// k = (a−b)/2: branch-free. Near-axis lines (b → 0) use the box limit F(x) = clamp(x + ½, 0, 1) instead.
struct PixelProfile {
    typealias V = SIMD4<Double>
    /// |components| of the direction, a ≥ b, a² + b² = 1.
    let a: Double
    let b: Double
    /// Half the projected width of the square, (a + b) / 2; half its plateau, (a − b) / 2.
    let h: Double
    let k: Double
    private let invTwoAB: Double
    private let axisAligned: Bool

    init(a: Double, b: Double) {
        self.a = a; self.b = b
        h = (a + b) / 2
        k = (a - b) / 2
        axisAligned = b < 1e-4
        invTwoAB = axisAligned ? 0 : 0.5 / (a * b)
    }

    /// Fraction of the pixel square with projected coordinate ≤ x.
    @inline(__always) func cdf(_ x: V) -> V {
        if axisAligned { return unit(x + 0.5) }
        return unit((q(x + h) - q(x + k) - q(x - k) + q(x - h)) * invTwoAB)
    }

    /// Fraction of the pixel square inside a strip of half-width `half` whose centre line is `across` away.
    @inline(__always) func cover(_ across: V, half: Double) -> V {
        if axisAligned {
            let top = min(across + half, 0.5)
            let bottom = max(across - half, -0.5)
            return max(top - bottom, 0)
        }
        let p = across + half, n = across - half
        let upper = q(p + h) - q(p + k) - q(p - k) + q(p - h)
        let lower = q(n + h) - q(n + k) - q(n - k) + q(n - h)
        return unit((upper - lower) * invTwoAB)
    }

    /// max(t, 0)².
    @inline(__always) private func q(_ t: V) -> V { let m = max(t, 0); return m * m }

    /// `v` clamped to 0…1.
    @inline(__always) private func unit(_ v: V) -> V { min(max(v, 0), 1) }

    // Lane-wise selects (compare + blend), which compile to vector instructions; the standard library's
    // `pointwiseMax` keeps NaN rules lane by lane in an out-of-line scalar loop.
    @inline(__always) private func max(_ v: V, _ s: Double) -> V { v.replacing(with: s, where: v .< s) }
    @inline(__always) private func min(_ v: V, _ s: Double) -> V { v.replacing(with: s, where: v .> s) }
}
