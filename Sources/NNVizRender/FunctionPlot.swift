import NNVizScene

/// A function of one variable drawn as a path over a plot's x range: sampled evenly, broken where the function
/// jumps (a step) or leaves the finite numbers, and clipped to the plot's y range.
public enum FunctionPlot {
    /// The path of `f` over `axes.x` with `samples` evenly spaced points (at least 2); `jumps` lists x values where
    /// the function is discontinuous, so the pen lifts there instead of drawing a vertical line.
    public static func path(_ f: (Double) -> Double, axes: PlotAxes, samples: Int = 241, jumps: [Double] = []) -> Path {
        var path = Path()
        let n = Swift.max(2, samples)
        let lo = axes.x.lowerBound, hi = axes.x.upperBound
        var xs = (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
        for j in jumps where j > lo && j < hi { xs += [j.nextDown, j.nextUp] }
        xs.sort()
        var pen = false
        var previous = -Double.infinity
        for x in xs {
            let crossed = jumps.contains { previous <= $0 && x > $0 }
            previous = x
            let y = f(x)
            guard y.isFinite else { pen = false; continue }
            let clamped = Swift.min(Swift.max(y, axes.y.lowerBound), axes.y.upperBound)
            let p = axes.point(x, clamped)
            if pen && !crossed { path.line(to: p) } else { path.move(to: p) }
            pen = true
        }
        return path
    }

    /// The y range of `f` over `x`, padded by 8 % (at least 0.1), always including 0.
    public static func range(_ f: (Double) -> Double, x: ClosedRange<Double>, samples: Int = 241) -> ClosedRange<Double> {
        var lo = 0.0, hi = 0.0
        for i in 0..<samples {
            let v = f(x.lowerBound + (x.upperBound - x.lowerBound) * Double(i) / Double(samples - 1))
            if v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        }
        let pad = Swift.max(0.1, 0.08 * (hi - lo))
        return (lo - (lo < 0 ? pad : pad * 0.6))...(hi + pad)
    }
}
