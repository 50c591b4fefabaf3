import NNVizEngine

/// Refuses a template whose sections nest deeper than a limit before it reaches the Mustache parser, which
/// recurses once per level and would overflow the stack on a hostile template (`{{#a}}` 100,000 times).
///
/// Tags are found as the parser finds them, set-delimiter tags (`{{=<% %>=}}`) included: sections, inverted
/// sections, parents and blocks (`#`, `^`, `<`, `$` right after the opening delimiter) open a level, `/` closes one.
enum MustacheNesting {
    /// Deepest nesting accepted; real templates use a handful of levels.
    static let limit = 100
    /// Most tags × bytes of a template: swift-mustache measures the text left at every tag it reads, so parsing
    /// takes time in proportion to both (200,000 tags of `{{name}}` ran for minutes); the default page has
    /// 86 tags in 3.5 KB, about 300,000.
    static let parseWorkLimit = 200_000_000

    /// Throws `error: SOURCE: line L, column C: sections nested deeper than 100 levels` at the first tag too deep;
    /// `offset` is the length of a prefix added before line 1 (the Markdown pragma), left out of its columns.
    ///
    /// Returns, for each name a section opens (the last part of a dotted name, the argument of a transform), the
    /// most bytes of its body outside the sections nested in it (`#` and `^`, which are charged on their own) over
    /// every section of that name: a bound on the text one repetition of it writes (see `MustacheBudget`). A
    /// malformed template returns what was found before the parser reports it.
    @discardableResult
    static func check(_ text: String, source: String, offset: Int = 0,
                      limit: Int = MustacheNesting.limit) throws(NNVizError) -> [String: Int] {
        let b = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0
        var i = 0
        var bodies: [String: Int] = [:]
        // Open sections: name, where the body starts, bytes of nested sections (tag to tag) to leave out.
        var opened: [(name: String, tag: Int, bodyStart: Int, nested: Int, counted: Bool)] = []
        var tags = 0
        scan: while let tag = find(open, in: b, from: i) {
            tags += 1
            var j = tag + open.count
            guard j < b.count else { break scan }
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
                      b[(j + 1)...].starts(with: close) else { break scan }  // malformed: the parser reports it
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
                guard let end = find(close, in: b, from: j) else { break scan }
                let name = sectionName(b[(j + 1)..<end])
                // `{{#.}}` looks nothing up and blocks and parents render with their parent: their text stays in it.
                let counted = (b[j] == UInt8(ascii: "#") || b[j] == UInt8(ascii: "^")) && name != "." && !name.isEmpty
                opened.append((name, tag, end + close.count, 0, counted))
                i = end + close.count
                continue
            case UInt8(ascii: "/"):
                depth = Swift.max(0, depth - 1)
                guard let end = find(close, in: b, from: j) else { break scan }
                if let s = opened.popLast() {
                    if s.counted { bodies[s.name] = Swift.max(bodies[s.name] ?? 0, tag - s.bodyStart - s.nested) }
                    if s.counted, !opened.isEmpty { opened[opened.count - 1].nested += end + close.count - s.tag }
                }
                i = end + close.count
                continue
            default:
                break
            }
            guard let end = find(close, in: b, from: j) else { break scan }
            i = end + close.count
        }
        // After the nesting, which names the tag too deep.
        let (work, overflow) = tags.multipliedReportingOverflow(by: b.count)
        if overflow || work > parseWorkLimit {
            // Counted in the author's file, without the pragma nnviz puts before it.
            let own = offset > 0 ? (tags - 1, b.count - offset) : (tags, b.count)
            throw NNVizError(source, "", "has \(own.0) tags in \(own.1) bytes, more than the Mustache parser reads in good time (tags × bytes at most \(parseWorkLimit)); use fewer tags or a shorter template")
        }
        return bodies
    }

    /// The name a section's value is looked up by: `rows` for `summary.rows` and for `reversed(rows)`.
    static func sectionName(_ tag: ArraySlice<UInt8>) -> String {
        var name = String(decoding: tag, as: UTF8.self).filter { !$0.isWhitespace }
        while let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = String(name[name.index(after: open)..<close])
        }
        return name.split(separator: ".").last.map(String.init) ?? name
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
