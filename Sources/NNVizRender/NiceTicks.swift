/// Tick values on 1-2-5 steps covering a range, with one number of decimals for the whole axis.
public struct NiceTicks: Sendable, Equatable {
    public let step: Double
    public let values: [Double]
    public let decimals: Int

    /// About `target` ticks inside `lower…upper` (inclusive, with a small tolerance). A constant or reversed
    /// range is widened around its value so there is always at least one tick and no division by zero.
    public init(_ lower: Double, _ upper: Double, target: Int = 5) {
        var lo = Swift.min(lower, upper), hi = Swift.max(lower, upper)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi - lo < 1e-12 { let w = Swift.max(abs(lo) * 0.1, 0.5); lo -= w; hi += w }
        let raw = (hi - lo) / Double(Swift.max(1, target))
        let step = NiceTicks.niceStep(raw)
        let eps = step * 1e-6
        var vals: [Double] = []
        var k = (lo / step - 1e-6).rounded(.up)
        while k * step <= hi + eps && vals.count < 1000 {
            let v = k * step
            vals.append(abs(v) < eps ? 0 : v)
            k += 1
        }
        self.step = step
        self.values = vals
        self.decimals = NumberFormat.decimals(forStep: step)
    }

    /// The 1, 2 or 5 × 10ᵏ step nearest above `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var p = 1.0
        while p > raw { p /= 10 }
        while p * 10 <= raw { p *= 10 }
        let f = raw / p
        let m: Double = f <= 1 ? 1 : (f <= 2 ? 2 : (f <= 5 ? 5 : 10))
        return m * p
    }

    /// The tick labels, each with the axis' decimals.
    public var labels: [String] { values.map { NumberFormat.fixed($0, decimals) } }
}
