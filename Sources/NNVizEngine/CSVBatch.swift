/// Reads a CSV batch: numbers only, comma-separated, with an optional header row of names; rows end at LF, CRLF or
/// a lone CR. Tabs or semicolons between values are refused as the wrong separator, naming the row.
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
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var data: [Double] = []
        var cols = -1
        var rows = 0
        var headerRow = 0
        var firstRow = 0
        var lineNumber = 0
        var start = 0
        while start <= b.count {
            // The common row once the width is known: plain numbers, commas, the row's end. Anything else (spaces,
            // a header, a wrong width, a blank line, the limit) is read again below, which gives the exact message.
            if cols > 0, data.count + cols <= limits.maxBatchValues, let next = plainRow(b, from: start, cols: cols, into: &data) {
                lineNumber += 1
                rows += 1
                start = next
                continue
            }
            var end = start
            var fieldCount = 1
            var blank = true
            // Rows end at LF, CRLF or a lone CR (old Mac files), as spreadsheets read them.
            while end < b.count && b[end] != newline && b[end] != cr {
                if b[end] == comma { fieldCount += 1 }
                if blank && !isSpace(b[end]) { blank = false }
                end += 1
            }
            lineNumber += 1
            defer { start = end < b.count && b[end] == cr && end + 1 < b.count && b[end + 1] == newline ? end + 2 : end + 1 }
            if blank { continue }
            if rows == 0 && headerRow == 0 && cols < 0 {
                if fieldCount == 1, let e = separatorError(b, start..<end, source: source, row: lineNumber) { throw e }
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
                if fieldCount == 1, let e = separatorError(b, start..<end, source: source, row: lineNumber) { throw e }
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
                    if let e = separatorError(b, lo..<hi, commas: cols > 1, source: source, row: lineNumber) { throw e }
                    data.append(try SampleLoader.number(text(b, f..<e), source: source, location: "row \(lineNumber), column \(j + 1)"))
                }
                f = e + 1
            }
            rows += 1
        }
        guard rows > 0 else { throw NNVizError(source, "", "holds no samples") }
        return Matrix(rows: rows, cols: cols, uncheckedData: data)
    }

    /// Reads a row of `cols` JSON-syntax numbers separated by single commas and ended by LF, CRLF, a lone CR or the
    /// text's end, appending the values; returns where the next row starts, or nil (and appends nothing) for any
    /// other row. The values are `DecimalText.fastValue`'s, which reads the same syntax with the same rounding.
    @inline(__always)
    private static func plainRow(_ b: UnsafeBufferPointer<UInt8>, from start: Int, cols: Int, into data: inout [Double]) -> Int? {
        guard let p = b.baseAddress else { return nil }
        let n = b.count, before = data.count
        var i = start
        for k in 0..<cols {
            guard let (v, end) = DecimalText.jsonNumber(p, from: i, to: n) else {
                data.removeSubrange(before...)
                return nil
            }
            data.append(v)
            if k < cols - 1 {
                guard end < n, p[end] == UInt8(ascii: ",") else {
                    data.removeSubrange(before...)
                    return nil
                }
                i = end + 1
            } else {
                if end == n { return n + 1 }
                if p[end] == UInt8(ascii: "\n") { return end + 1 }
                if p[end] == UInt8(ascii: "\r") { return end + 1 < n && p[end + 1] == UInt8(ascii: "\n") ? end + 2 : end + 1 }
                data.removeSubrange(before...)
                return nil
            }
        }
        return nil
    }

    /// The error for text (a row without commas, or one field; `commas` when the row has them) that holds tabs or
    /// semicolons between values: a tab-separated file, or a spreadsheet's export for a locale with decimal commas
    /// (`0,5;1,0`). Nil when it holds neither.
    static func separatorError(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, commas: Bool = false, source: String,
                                row: Int) -> NNVizError? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isSpace(b[lo]) { lo += 1 }
        while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
        let field = UnsafeBufferPointer(rebasing: b[lo..<hi])
        if field.contains(UInt8(ascii: "\t")) {
            return NNVizError(source, "row \(row)", "values are separated by tabs; nnviz reads comma-separated values "
                              + "(save as CSV or replace the tabs with commas)")
        }
        guard field.contains(UInt8(ascii: ";")) else { return nil }
        if commas {
            return NNVizError(source, "row \(row)", "values are separated by semicolons, with decimal commas; nnviz reads "
                              + "comma-separated values with decimal points (write 0.5, not 0,5)")
        }
        return NNVizError(source, "row \(row)", "values are separated by semicolons; nnviz reads comma-separated values "
                          + "(save as CSV or replace the semicolons with commas)")
    }
}
