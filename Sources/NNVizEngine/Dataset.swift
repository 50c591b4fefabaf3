import NNVizSystem
/// Labelled points for a decision-region overlay: one row of `points` per sample, one class index per row.
///
/// Comes from a bundled generator (`xor`, `moons:300`, …) or a file (CSV whose last column is the class, or
/// JSON `{"x": [[…]], "y": […]}`); `Dataset.resolve` picks between them.
public struct Dataset: Equatable, Sendable {
    /// The bundled name (`xor:200`) or the file as the user named it.
    public var name: String
    /// `samples × features`.
    public private(set) var points: Matrix
    /// Class index per sample, 0 ..< `classCount`; one per row of `points`.
    public private(set) var labels: [Int]

    /// The largest class a label may name (the file loaders' limit too).
    public static let maxClass = 255

    /// A dataset of `points.rows` samples with one class each.
    ///
    /// - Throws: `ShapeError.labelCount` when `labels` does not hold one label per row of `points`,
    ///   `.labelRange` for a label outside 0…255.
    public init(name: String, points: Matrix, labels: [Int]) throws(ShapeError) {
        guard points.rows == labels.count else { throw .labelCount(points: points.rows, labels: labels.count) }
        if let i = labels.firstIndex(where: { !(0...Dataset.maxClass).contains($0) }) {
            throw .labelRange(sample: i, label: labels[i])
        }
        self.init(name: name, uncheckedPoints: points, labels: labels)
    }

    /// For loaders and generators that have checked the shapes and labels themselves.
    init(name: String, uncheckedPoints points: Matrix, labels: [Int]) {
        self.name = name
        self.points = points
        self.labels = labels
    }

    /// Number of samples.
    public var count: Int { labels.count }
    /// Number of classes: the largest label plus one.
    public var classCount: Int { (labels.max() ?? 0) + 1 }
    /// How many samples carry each class, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for l in labels { counts[l] += 1 }
        return counts
    }

    /// The dataset as CSV: a header `x1,x2,…,label`, then one row per sample in shortest round-trip decimals.
    public var csv: String {
        var out = csvHeader
        for r in 0..<points.rows { out += csvLine(r) }
        return out
    }

    /// The CSV's header line (`x1,x2,label`), with its newline.
    public var csvHeader: String {
        (1...max(points.cols, 1)).prefix(points.cols).map { "x\($0)" }.joined(separator: ",") + ",label\n"
    }

    /// Point `r` as a CSV line with its newline, for writers that stream the rows instead of holding `csv` whole.
    public func csvLine(_ r: Int) -> String {
        points.row(r).map { $0.description }.joined(separator: ",") + ",\(labels[r])\n"
    }

    /// The dataset `argument` names: an existing file (`.csv` or `.json`), else a bundled dataset as `NAME` or
    /// `NAME:COUNT` generated from `seed`. A local file shadows a bundled name.
    public static func resolve(_ argument: String, seed: UInt32 = 0, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Dataset {
        if InputFile.exists(argument) { return try load(path: argument, limits: limits) }
        if let generated = try bundled(argument, seed: seed, limits: limits) { return generated }
        if ["csv", "json"].contains(InputFile.fileExtension(argument)) || argument.contains("/") {
            throw NNVizError(argument, "", "no such file")
        }
        throw NNVizError(argument, "", "unknown dataset or missing file; datasets: \(BundledDataset.names)")
    }

    /// A bundled dataset written `NAME` or `NAME:COUNT` (`blobs:K` and `blobs:K:COUNT` for K classes; plain `iris`),
    /// generated from `seed`; `nil` when NAME is not bundled.
    public static func bundled(_ argument: String, seed: UInt32 = 0, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Dataset? {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let generator = BundledDataset.named(parts[0]) else { return nil }
        guard parts.count == 2 else { return generator.generate(seed: seed) }
        if generator.isTable {
            throw NNVizError(argument, "", "\(parts[0]) is a fixed table of \(generator.defaultCount) samples; write \(parts[0]) without a count")
        }
        var suffix = parts[1]
        var classes: Int?
        if let range = generator.classRange {
            let sub = suffix.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let k = Int(sub[0]), range.contains(k) else {
                throw NNVizError(argument, "", "'\(SpecNode.clip(sub[0]))' is not a class count from \(range.lowerBound) to \(range.upperBound); write \(parts[0]):4 or \(parts[0]):4:400")
            }
            classes = k
            guard sub.count == 2 else {
                try checkPoints(100 * k, source: argument, limits: limits)
                return generator.generate(count: nil, classes: k, seed: seed)
            }
            suffix = sub[1]
        }
        let example = classes.map { "\(parts[0]):\($0):200" } ?? "\(parts[0]):200"
        guard let n = Int(suffix), n >= 1 else {
            throw NNVizError(argument, "", "'\(SpecNode.clip(suffix))' is not a sample count; write \(example)")
        }
        guard n <= limits.maxBatchValues / 2 else {
            throw NNVizError(argument, "", "\(n) samples is more than the limit of \(limits.maxBatchValues / 2)")
        }
        try checkPoints(n, source: argument, limits: limits)
        return generator.generate(count: n, classes: classes, seed: seed)
    }

    /// Refuses more points than `limits.maxPoints` (a figure draws each one), before they are generated or kept.
    static func checkPoints(_ count: Int, source: String, limits: LoadLimits) throws(NNVizError) {
        guard count > limits.maxPoints else { return }
        throw NNVizError(source, "", "\(count) points is more than the \(limits.maxPoints) a figure draws; raise \(Setting.maxPoints) or use fewer")
    }
}
