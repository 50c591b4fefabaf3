/// A dense row-major matrix of doubles, laid out like a C-ordered NumPy array.
///
/// Weights are stored inputs × neurons, so a forward step is `z = a @ W + b` as the lessons write it.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    /// `rows * cols` values, row after row.
    public var data: [Double]

    /// A matrix over `data`; the count must be `rows * cols` (checked by every loader beforehand).
    public init(rows: Int, cols: Int, data: [Double]) {
        precondition(rows >= 0 && cols >= 0 && data.count == rows * cols, "Matrix shape does not match its data")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.init(rows: rows, cols: cols, data: Array(repeating: value, count: rows * cols))
    }

    /// A matrix from rows of equal length; `nil` when the rows are ragged.
    public init?(_ rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == cols }) else { return nil }
        self.init(rows: rowArrays.count, cols: cols, data: rowArrays.flatMap { $0 })
    }

    public subscript(row: Int, col: Int) -> Double {
        get { data[row * cols + col] }
        set { data[row * cols + col] = newValue }
    }

    /// The values of one row.
    public func row(_ r: Int) -> ArraySlice<Double> {
        data[(r * cols)..<((r + 1) * cols)]
    }

    /// The values of one column.
    public func column(_ c: Int) -> [Double] {
        (0..<rows).map { data[$0 * cols + c] }
    }

    /// The rows as nested arrays, the shape JSON and YAML use.
    public var rowArrays: [[Double]] {
        (0..<rows).map { Array(row($0)) }
    }

    /// The smallest and largest value, or `nil` for an empty matrix.
    public var range: ClosedRange<Double>? {
        guard var lo = data.first else { return nil }
        var hi = lo
        for v in data { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        return lo...hi
    }
}
