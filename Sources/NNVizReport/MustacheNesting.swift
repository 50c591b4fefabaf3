import NNVizEngine

/// Refuses a template whose sections nest deeper than a limit before it reaches the Mustache parser, which
/// recurses once per level and would overflow the stack on a hostile template (`{{#a}}` 100,000 times).
///
/// Tags are found as the parser finds them, set-delimiter tags (`{{=<% %>=}}`) included: sections, inverted
/// sections, parents and blocks (`#`, `^`, `<`, `$` right after the opening delimiter) open a level, `/` closes one.
enum MustacheNesting {
    /// Deepest nesting accepted; real templates use a handful of levels.
    static let limit = 100

    /// Throws `error: SOURCE: line L, column C: sections nested deeper than 100 levels` at the first tag too deep;
    /// `offset` is the length of a prefix added before line 1 (the Markdown pragma), left out of its columns.
    static func check(_ text: String, source: String, offset: Int = 0, limit: Int = MustacheNesting.limit) throws(NNVizError) {
        let b = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0
        var i = 0
        while let tag = find(open, in: b, from: i) {
            var j = tag + open.count
            guard j < b.count else { return }
            switch b[j] {
            case UInt8(ascii: "="):
                // `=START END=` then the current closing delimiter, as the parser reads it.
                func skipSpace() { while j < b.count, isSpace(b[j]) { j += 1 } }
                j += 1; skipSpace()
                let s = j
                while j < b.count, !isSpace(b[j]) { j += 1 }
                let start = Array(b[s..<j]); skipSpace()
                let e = j
                while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "=") { j += 1 }
                let end = Array(b[e..<j]); skipSpace()
                guard !start.isEmpty, !end.isEmpty, j < b.count, b[j] == UInt8(ascii: "="),
                      b[(j + 1)...].starts(with: close) else { return }  // malformed: the parser reports it
                guard (start + end).allSatisfy({ $0 < 0x80 }) else {
                    throw error(at: tag, in: b, source: source, offset: offset, "set-delimiter tags must use ASCII characters")
                }
                i = j + 1 + close.count
                open = start; close = end
                continue
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                depth += 1
                if depth > limit {
                    throw error(at: tag, in: b, source: source, offset: offset, "sections nested deeper than \(limit) levels")
                }
            case UInt8(ascii: "/"):
                depth = Swift.max(0, depth - 1)
            default:
                break
            }
            guard let end = find(close, in: b, from: j) else { return }
            i = end + close.count
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C }

    /// First index of `pattern` in `bytes` at or after `from`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, from < bytes.count else { return nil }
        var k = from
        while k + pattern.count <= bytes.count {
            if bytes[k] == first && bytes[k..<(k + pattern.count)].elementsEqual(pattern) { return k }
            k += 1
        }
        return nil
    }

    private static func error(at index: Int, in b: [UInt8], source: String, offset: Int, _ message: String) -> NNVizError {
        let before = b[..<index]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        var column = String(decoding: b[lineStart..<index], as: UTF8.self).count + 1
        if line == 1 { column -= offset }
        return NNVizError(source, "line \(line), column \(Swift.max(column, 1))", message)
    }
}
