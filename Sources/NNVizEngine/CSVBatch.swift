/// Reads a CSV batch: numbers only, comma-separated, with an optional header row of names.
///
/// The first row is a header when none of its fields is a number; errors name the row and column (1-based, as
/// a spreadsheet shows them, counting the header row).
enum CSVBatch {
    static func parse(_ text: String, source: String, limits: LoadLimits) throws(NNVizError) -> Matrix {
        // Works on the UTF-8 bytes (a "\r" left by "\r\n" is trimmed with the whitespace): far faster than by Character.
        let bytes = Array(text.utf8)
        var data: [Double] = []
        var cols = -1
        var rows = 0
        var headerRow = 0
        var firstRow = 0
        var lineNumber = 0
        var fields: [Range<Int>] = []
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            if trimmed(bytes, lineStart..<lineEnd).isEmpty { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for i in lineStart...lineEnd where i == lineEnd || bytes[i] == UInt8(ascii: ",") {
                fields.append(fieldStart..<i)
                fieldStart = i + 1
            }
            if rows == 0 && headerRow == 0 && cols < 0 {
                let numeric = fields.contains { f in
                    let t = substring(bytes, f).trimmingWhitespace
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
                // Plain decimals straight from the bytes; anything else (and every error) through `SampleLoader.number`.
                if let v = FastDecimal.value(bytes[trimmed(bytes, f)]) {
                    data.append(v)
                } else {
                    data.append(try SampleLoader.number(substring(bytes, f), source: source, location: "row \(lineNumber), column \(j + 1)"))
                }
            }
            rows += 1
        }
        guard rows > 0 else { throw NNVizError(source, "", "holds no samples") }
        return Matrix(rows: rows, cols: cols, data: data)
    }

    /// `range` without leading and trailing spaces, tabs and carriage returns (as `Substring.trimmingWhitespace`).
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        func isSpace(_ c: UInt8) -> Bool {
            c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
        }
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    static func substring(_ bytes: [UInt8], _ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }
}
