import NNVizSystem
/// Builds the batch of samples (`samples × inputs`) a command runs through a network: `--sample` rows, a batch file
/// (CSV, JSON or `.npy`) or NumPy-seeded random samples. Every value is checked finite and every row's width
/// against the network, with the row and column in the message.
public enum SampleLoader {
    /// Rows given on the command line as `0.6,0.1,0.9,0.4`, one per `--sample`.
    public static func parse(samples: [String], for network: Network) throws(NNVizError) -> Matrix {
        var data: [Double] = []
        data.reserveCapacity(samples.count * network.inputCount)
        for (i, text) in samples.enumerated() {
            let where_ = "sample \(i)"
            let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            if fields.contains(where: { f in f.trimmingWhitespace.contains { $0 == " " || $0 == "\t" } }) {
                throw NNVizError(Setting.samples, where_, "'\(SpecNode.clip(text))' separates values with spaces; separate values with commas, e.g. "
                                 + Array(repeating: "0", count: network.inputCount).joined(separator: ","))
            }
            if let k = fields.firstIndex(where: { $0.trimmingWhitespace.isEmpty }) {
                throw NNVizError(Setting.samples, where_, "empty value at position \(k + 1) of '\(SpecNode.clip(text))'")
            }
            guard fields.count == network.inputCount else {
                throw NNVizError(Setting.samples, where_, "has \(fields.count) values but \(widthHint(network))")
            }
            for (j, f) in fields.enumerated() {
                data.append(try number(f, source: Setting.samples.token, location: "\(where_), value \(j + 1)"))
            }
        }
        return Matrix(rows: samples.count, cols: network.inputCount, uncheckedData: data)
    }

    /// `count` samples drawn as `np.random.seed(seed); np.random.randn(count, inputs)`.
    public static func random(count: Int, seed: UInt32, for network: Network,
                              limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Matrix {
        guard count >= 1 else { throw NNVizError(Setting.random, "", "needs at least 1 sample, got \(count)") }
        let (total, overflow) = count.multipliedReportingOverflow(by: network.inputCount)
        guard !overflow, total <= limits.maxBatchValues else {
            throw NNVizError(Setting.random, "", "\(count) samples × \(network.inputCount) inputs is more than the limit of \(limits.maxBatchValues) values")
        }
        var rng = NumPyRandom(seed: seed)
        return rng.randn(rows: count, cols: network.inputCount)
    }

    /// A batch file chosen by extension: `.csv`, `.json` or `.npy`.
    public static func load(path: String, for network: Network, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Matrix {
        try fitting(try read(path: path, limits: limits), path: path, for: network)
    }

    /// The batch file at `path` (.csv, .json or .npy) read without a network: its rows, not yet checked against any
    /// network's inputs (`fitting`). A command may read it on another core while its network loads.
    public static func read(path: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Matrix {
        switch InputFile.fileExtension(path) {
        case "csv":
            return try CSVBatch.parse(InputFile.text(path, limit: limits.maxFileBytes), source: path, limits: limits)
        case "json":
            return try jsonBatch(InputFile.text(path, limit: limits.maxFileBytes), source: path, limits: limits)
        case "npy":
            return try npyBatch(InputFile.read(path, limit: limits.maxFileBytes), source: path, limits: limits)
        default:
            throw NNVizError(path, "", "unknown batch format; use .csv, .json or .npy")
        }
    }

    /// `batch`, read from `path`, when it has one column per input of `network`.
    public static func fitting(_ batch: Matrix, path: String, for network: Network) throws(NNVizError) -> Matrix {
        guard batch.cols == network.inputCount else {
            throw NNVizError(path, "", "has \(batch.cols) columns but \(widthHint(network))")
        }
        return batch
    }

    /// A JSON array of arrays of numbers (or one flat array for a single sample).
    public static func jsonBatch(_ text: String, source: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Matrix {
        let root = try SpecDocument.parse(text, source: source)
        let rows = try root.list()
        guard !rows.isEmpty else { throw root.error("is empty; expected an array of samples") }
        if case .scalar = rows[0].node {
            let v = try root.vector()
            return Matrix(rows: 1, cols: v.count, uncheckedData: v)
        }
        return try root.matrix(limit: limits.maxBatchValues)
    }

    /// A 2-D (or 1-D, one sample) float64/float32 `.npy` array.
    public static func npyBatch(_ bytes: [UInt8], source: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Matrix {
        let a = try NpyArray.parse(bytes, source: source, maxValues: limits.maxBatchValues)
        let rows: Int, cols: Int
        switch a.shape.count {
        case 1: rows = 1; cols = a.shape[0]
        case 2: rows = a.shape[0]; cols = a.shape[1]
        default: throw NNVizError(source, "", "has shape \(a.shapeText); expected 2-D (samples, inputs)")
        }
        guard rows > 0, cols > 0 else { throw NNVizError(source, "", "has shape \(a.shapeText); it holds no samples") }
        if let i = a.values.firstIndex(where: { !$0.isFinite }) {
            throw NNVizError(source, "[\(i / cols), \(i % cols)]", "is not a finite number (\(a.values[i]))")
        }
        return Matrix(rows: rows, cols: cols, uncheckedData: a.values)
    }

    static func widthHint(_ network: Network) -> String {
        "\(network.name) takes \(network.inputCount) inputs (\(network.inputLabels.joined(separator: ", ")))"
    }

    /// One finite decimal number, spaces around it allowed.
    static func number(_ field: Substring, source: String, location: @autoclosure () -> String) throws(NNVizError) -> Double {
        let t = field.trimmingWhitespace
        guard !t.isEmpty else { throw NNVizError(source, location(), "is empty; expected a number") }
        if let v = DecimalText.fastValue(t) { return v }
        guard SpecNode.isDecimal(t), let v = Double(t) else {
            throw NNVizError(source, location(), "'\(SpecNode.clip(String(t)))' is not a number")
        }
        guard v.isFinite else { throw NNVizError(source, location(), "is not a finite number (\(t))") }
        return v
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingWhitespace: Substring {
        let isSpace = { (c: UInt8) in c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else {
            return Substring()
        }
        return Substring(utf8[start...end])
    }
}
