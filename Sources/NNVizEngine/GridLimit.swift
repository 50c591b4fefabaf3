import NNVizSystem
/// The ceiling on grid evaluations (cells of a decision-region grid, each one forward pass), checked before the
/// grid is allocated. The default, 4000 × 4000 = 16 million, keeps the output field at 64 MB.
public enum GridLimit {
    /// Most grid evaluations allowed unless the caller raises it (`nnviz regions --max-evaluations`).
    public static let defaultMaxEvaluations = 16_000_000

    /// The largest side whose square grid fits in `limit` evaluations (⌊√limit⌋, exact for every `Int`).
    public static func largestSide(within limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        var s = Int(Double(limit).squareRoot())
        while s > 0, s.multipliedReportingOverflow(by: s).overflow || s * s > limit { s -= 1 }
        while !(s + 1).multipliedReportingOverflow(by: s + 1).overflow, (s + 1) * (s + 1) <= limit { s += 1 }
        return s
    }

    /// Refuses a `resolution × resolution` grid with more than `limit` evaluations (an overflowing product
    /// included); `source` is what the error line names, e.g. `--resolution`.
    public static func check(resolution: Int, limit: Int, source: String) throws(NNVizError) {
        let (cells, overflow) = resolution.multipliedReportingOverflow(by: resolution)
        guard overflow || cells > limit else { return }
        let count = overflow ? "too many evaluations to count" : "\(cells) evaluations"
        throw NNVizError(source, "", "a \(resolution) × \(resolution) grid is \(count), more than the limit of \(limit); lower \(Setting.resolution) or raise \(Setting.maxEvaluations)")
    }
}
