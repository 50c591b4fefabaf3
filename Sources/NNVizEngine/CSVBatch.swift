/// Reads a CSV batch: numbers only, comma-separated, with an optional header row of names.
///
/// The first row is a header when none of its fields is a number; errors name the row and column (1-based, as
/// a spreadsheet shows them, counting the header row).
enum CSVBatch {
    static func parse(_ text: String, source: String, limits: LoadLimits) throws(NNVizError) -> Matrix {
        var data: [Double] = []
        var cols = -1
        var rows = 0
        var headerRow = 0
        var firstRow = 0
        var lineNumber = 0
        // Split on UTF-8 bytes (a "\r" left by "\r\n" is trimmed with the whitespace): far faster than by Character.
        for lineBytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(lineBytes)
            lineNumber += 1
            if line.trimmingWhitespace.isEmpty { continue }
            let fields = line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Substring.init)
            if rows == 0 && headerRow == 0 && cols < 0 {
                let numeric = fields.contains { f in
                    let t = f.trimmingWhitespace
                    return SpecNode.isDecimal(t) && Double(t) != nil
                }
                if !numeric {
                    headerRow = lineNumber
                    cols = fields.count
                    continue
                }
            }
            if cols < 0 { cols = fields.count; firstRow = lineNumber }
            guard fields.count == cols else {
                let first = headerRow > 0 ? "the header (row \(headerRow))" : "row \(firstRow)"
                throw NNVizError(source, "row \(lineNumber)", "has \(fields.count) values but \(first) has \(cols)")
            }
            guard data.count + cols <= limits.maxBatchValues else {
                throw NNVizError(source, "row \(lineNumber)", "the batch holds more than \(limits.maxBatchValues) values (the limit)")
            }
            for (j, f) in fields.enumerated() {
                data.append(try SampleLoader.number(f, source: source, location: "row \(lineNumber), column \(j + 1)"))
            }
            rows += 1
        }
        guard rows > 0 else { throw NNVizError(source, "", "holds no samples") }
        return Matrix(rows: rows, cols: cols, data: data)
    }
}
