/// A plain-text table: columns separated by two spaces, text left-aligned, numbers right-aligned.
struct TextTable {
    enum Align { case left, right }

    var header: [String]
    var align: [Align]
    var rows: [[String]] = []

    init(header: [String], align: [Align]) {
        self.header = header
        self.align = align
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The rendered lines, each ending in a newline, without trailing spaces.
    func render() -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for r in all { out += Self.line(r, widths: widths, align: align) }
        return out
    }

    /// One row padded to `widths` (in characters) and aligned, columns two spaces apart, without trailing spaces,
    /// ending in a newline; the line `render` writes, for callers that stream rows whose widths they know.
    static func line(_ cells: [String], widths: [Int], align: [Align]) -> String {
        var line = ""
        for (i, c) in cells.enumerated() where i < widths.count {
            if i > 0 { line += "  " }
            let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
            line += align[i] == .left ? c + pad : pad + c
        }
        while line.last == " " { line.removeLast() }
        return line + "\n"
    }
}
