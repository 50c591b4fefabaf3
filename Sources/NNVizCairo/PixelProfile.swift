/// The area of a unit pixel square on one side of a line, as a function of the line's signed distance from
/// the pixel centre.
///
/// The square projected onto the line's normal is a trapezoid (boxes of widths a and b convolved), so its
/// cumulative area is F(x) = [Q(x+h) − Q(x+k) − Q(x−k) + Q(x−h)] / 2ab with Q(t) = max(t, 0)², h = (a+b)/2,
/// k = (a−b)/2: branch-free. Near-axis lines (b → 0) use the box limit F(x) = clamp(x + ½, 0, 1) instead.
struct PixelProfile {
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
    @inline(__always) func cdf(_ x: Double) -> Double {
        if axisAligned { return min(1, max(0, x + 0.5)) }
        @inline(__always) func q(_ t: Double) -> Double { let m = max(t, 0); return m * m }
        return min(1, max(0, (q(x + h) - q(x + k) - q(x - k) + q(x - h)) * invTwoAB))
    }

    /// Fraction of the pixel square inside a strip of half-width `half` whose centre line is `across` away.
    @inline(__always) func cover(_ across: Double, half: Double) -> Double {
        if axisAligned {
            return max(0, min(across + half, 0.5) - max(across - half, -0.5))
        }
        @inline(__always) func q(_ t: Double) -> Double { let m = max(t, 0); return m * m }
        let p = across + half, n = across - half
        let upper = q(p + h) - q(p + k) - q(p - k) + q(p - h)
        let lower = q(n + h) - q(n + k) - q(n - k) + q(n - h)
        return min(1, max(0, (upper - lower) * invTwoAB))
    }
}
