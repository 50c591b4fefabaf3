import Foundation

/// Repeated measurements of one workload: every run's seconds, their median and extremes, and for CLI runs the
/// peak RSS of one extra run measured through `RSSProbe`.
struct Timing: Codable {
    var seconds: [Double]
    var median: Double
    var min: Double
    var max: Double
    /// Peak RSS of the whole process in MB, 10⁶ bytes (CLI workloads only).
    var peakRSSMB: Double?
    /// Median CPU time (user + system) of the runs, in seconds (CLI workloads only).
    var cpuMedian: Double?

    init(seconds: [Double], cpuSeconds: [Double] = [], peakRSS: [Int] = []) {
        self.seconds = seconds
        median = Self.median(seconds)
        min = seconds.min() ?? 0
        max = seconds.max() ?? 0
        peakRSSMB = peakRSS.max().map { Double($0) / 1e6 }
        cpuMedian = cpuSeconds.isEmpty ? nil : Self.median(cpuSeconds)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = sorted.count
        return n == 0 ? 0 : (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2)
    }

    /// `123 ms (118–131 ms)` or `8.21 s (8.02–8.40 s)`, the range in the median's unit, then the peak RSS if any.
    var summary: String {
        let (scale, unit, digits) = median < 1 ? (1000.0, "ms", median < 0.1 ? 1 : 0) : (1.0, "s", 2)
        let f = { (s: Double) in String(format: "%.\(digits)f", s * scale) }
        return "\(f(median)) \(unit) (\(f(min))–\(f(max)) \(unit))" + (cpuMedian.map { ", CPU " + Self.format($0) } ?? "")
            + (peakRSSMB.map { String(format: ", peak %.0f MB", $0) } ?? "")
    }

    /// Seconds as ms below 1 s, as s above.
    static func format(_ s: Double) -> String {
        s < 0.1 ? String(format: "%.1f ms", s * 1000) : s < 1 ? String(format: "%.0f ms", s * 1000) : String(format: "%.2f s", s)
    }
}
