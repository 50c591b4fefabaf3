/// A dense row-major matrix of doubles, laid out like a C-ordered NumPy array.
///
/// Weights are stored inputs × neurons, so a forward step is `z = a @ W + b` as the lessons write it.
/// The shape is fixed at construction: `data` always holds `rows · cols` values (the kernels rely on it).
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    /// `rows * cols` values, row after row; change single values through the subscript.
    public private(set) var data: [Double]

    /// A matrix over `data`, which must hold `rows * cols` values.
    ///
    /// - Throws: `ShapeError.negativeDimension` or `ShapeError.matrixData` when the shape and the data disagree.
    public init(rows: Int, cols: Int, data: [Double]) throws(ShapeError) {
        guard rows >= 0, cols >= 0 else { throw .negativeDimension(rows: rows, cols: cols) }
        guard rows.multipliedReportingOverflow(by: cols).overflow == false, data.count == rows * cols else {
            throw .matrixData(rows: rows, cols: cols, count: data.count)
        }
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    /// A matrix whose shape its builder guarantees (engine code that allocated `data` as `rows * cols` values).
    init(rows: Int, cols: Int, uncheckedData data: [Double]) {
        precondition(rows >= 0 && cols >= 0 && data.count == rows * cols, "Matrix shape does not match its data")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    /// A `rows × cols` matrix of `value`; the dimensions must not be negative (a trap otherwise).
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix dimensions must not be negative")
        self.init(rows: rows, cols: cols, uncheckedData: Array(repeating: value, count: rows * cols))
    }

    /// A matrix from rows of equal length.
    ///
    /// - Throws: `ShapeError.raggedRows` naming the first row whose length differs from row 0's.
    public init(_ rowArrays: [[Double]]) throws(ShapeError) {
        let cols = rowArrays.first?.count ?? 0
        if let r = rowArrays.firstIndex(where: { $0.count != cols }) {
            throw .raggedRows(row: r, count: rowArrays[r].count, expected: cols)
        }
        self.init(rows: rowArrays.count, cols: cols, uncheckedData: rowArrays.flatMap { $0 })
    }

    /// The value at `row`, `col`; both must lie inside the matrix (a trap otherwise, never a neighbouring value).
    public subscript(row: Int, col: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && col >= 0 && col < cols, "Matrix index out of range")
            return data[row * cols + col]
        }
        set {
            precondition(row >= 0 && row < rows && col >= 0 && col < cols, "Matrix index out of range")
            data[row * cols + col] = newValue
        }
    }

    /// Every value replaced by `transform(value)`, the shape kept.
    public func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, cols: cols, uncheckedData: data.map(transform))
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
