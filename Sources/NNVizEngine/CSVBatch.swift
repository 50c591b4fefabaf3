/// Reads a CSV batch: numbers only, comma-separated, with an optional header row of names.
///
/// The first row is a header when none of its fields is a number; errors name the row and column (1-based, as
/// a spreadsheet shows them, counting the header row). Rows are cut and numbers read on the UTF-8 bytes; any field
/// that is not a short plain decimal goes through `SampleLoader.number` for its exact value or message.
enum CSVBatch {
    static func parse(_ text: String, source: String, limits: LoadLimits) throws(NNVizError) -> Matrix {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(NNVizError) -> Matrix in try parse(bytes, source: source, limits: limits) }
        }.get()
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
    }

    private static func text(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Substring {
        Substring(String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self))
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, source: String, limits: LoadLimits) throws(NNVizError) -> Matrix {
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        var data: [Double] = []
        var cols = -1
        var rows = 0
        var headerRow = 0
        var firstRow = 0
        var lineNumber = 0
        var start = 0
        while start <= b.count {
            var end = start
            var fieldCount = 1
            var blank = true
            while end < b.count && b[end] != newline {
                if b[end] == comma { fieldCount += 1 }
                if blank && !isSpace(b[end]) { blank = false }
                end += 1
            }
            lineNumber += 1
            defer { start = end + 1 }
            if blank { continue }
            if rows == 0 && headerRow == 0 && cols < 0 {
                let fields = text(b, start..<end).utf8.split(separator: comma, omittingEmptySubsequences: false).map(Substring.init)
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
            if cols < 0 { cols = fieldCount; firstRow = lineNumber }
            guard fieldCount == cols else {
                let first = headerRow > 0 ? "the header (row \(headerRow))" : "row \(firstRow)"
                throw NNVizError(source, "row \(lineNumber)", "has \(fieldCount) values but \(first) has \(cols)")
            }
            guard data.count + cols <= limits.maxBatchValues else {
                throw NNVizError(source, "row \(lineNumber)", "the batch holds more than \(limits.maxBatchValues) values (the limit)")
            }
            var f = start
            for j in 0..<cols {
                var e = f
                while e < end && b[e] != comma { e += 1 }
                var lo = f, hi = e
                while lo < hi && isSpace(b[lo]) { lo += 1 }
                while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
                if let v = DecimalText.fastValue(UnsafeBufferPointer(rebasing: b[lo..<hi])) {
                    data.append(v)
                } else {
                    data.append(try SampleLoader.number(text(b, f..<e), source: source, location: "row \(lineNumber), column \(j + 1)"))
                }
                f = e + 1
            }
            rows += 1
        }
        guard rows > 0 else { throw NNVizError(source, "", "holds no samples") }
        return Matrix(rows: rows, cols: cols, data: data)
    }
}
