/// The area of a unit pixel square on one side of a straight edge, as a function of the edge's signed distance
/// from the pixel centre.
///
/// The square projected onto the edge's normal is a trapezoid (boxes of widths a and b convolved), so its
/// cumulative area is F(x) = [Q(x+h) − Q(x+k) − Q(x−k) + Q(x−h)] / 2ab with Q(t) = max(t, 0)², h = (a+b)/2,
/// k = (a−b)/2. Near-axis directions (b → 0) use the box limit F(x) = clamp(x + ½, 0, 1).
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
    func cdf(_ x: Double) -> Double {
        if axisAligned { return unit(x + 0.5) }
        return unit((q(x + h) - q(x + k) - q(x - k) + q(x - h)) * invTwoAB)
    }

    /// Fraction of the pixel square inside a strip of half-width `half` whose centre line is `across` away.
    func cover(_ across: Double, half: Double) -> Double {
        unit(cdf(across + half) - cdf(across - half))
    }

    private func q(_ t: Double) -> Double { let m = t > 0 ? t : 0; return m * m }
    private func unit(_ v: Double) -> Double { v < 0 ? 0 : (v > 1 ? 1 : v) }
}
