import CYaml

/// Runs the YAML parser's own event stream over a document before it is composed into a tree: refuses aliases
/// (`*name`) and lone surrogate escapes, and rewrites escaped surrogate pairs (`"\ud83d\ude00"`, as Python's
/// `json.dump` writes them) into the `\U0001f600` escape libyaml accepts.
///
/// Aliases can expand exponentially ("billion laughs"): Yams hashes mapping keys in full and the spec reader walks
/// the tree, so a few lines of nested aliases hang both. Specs and batches never need them, so any alias is refused
/// with its line and column. The check reads libyaml's events, not the text, so it agrees with the parser on what a
/// line break, comment, quoted string or block scalar is (CR, NEL, U+2028 and U+2029 end lines too) — a textual
/// scan that missed one of them let every alias after a `#` comment through.
public enum YAMLAliasCheck {
    /// Throws an error naming `source` and the alias's line and column when `text` uses an alias.
    public static func check(_ text: String, source: String) throws(NNVizError) {
        _ = try prepare(text, source: source)
    }

    /// The text to compose: `text` with escaped surrogate pairs in double-quoted strings rewritten, and the columns
    /// those rewrites moved (each pair is two characters shorter). Throws on an alias or a lone surrogate escape.
    static func prepare(_ text: String, source: String) throws(NNVizError) -> Prepared {
        let candidates = SurrogateEscapes.find(in: text)
        // Without a `*` there can be no alias, and without a surrogate escape nothing to rewrite: no second parse.
        let star = UInt8(ascii: "*")
        let hasStar = text.utf8.withContiguousStorageIfAvailable({ $0.contains(star) }) ?? text.utf8.contains(star)
        guard hasStar || !candidates.isEmpty else { return Prepared(text: text, shifts: []) }
        let rewritten = candidates.isEmpty ? text : SurrogateEscapes.rewrite(text, candidates, keep: { _ in true })
        // Rewritten positions: each pair before a candidate made the text two characters shorter.
        var positions: [Int] = []
        var removed = 0
        for c in candidates {
            positions.append(c.index - removed)
            if c.low != nil { removed += 2 }
        }
        var inDoubleQuotes = [Bool](repeating: false, count: candidates.count)
        var next = 0    // the first candidate not yet passed by the events
        try scanEvents(rewritten) { (event) throws(NNVizError) in
            switch event {
            case .alias(let line, let column):
                let original = Prepared.originalColumn(line: line, column: column, shifts: candidates.filter { $0.low != nil }
                    .map { ($0.line, $0.column) })
                throw NNVizError(source, "line \(line), column \(original)",
                                 "YAML aliases (*name) are not supported; write the value out (aliases can expand exponentially)")
            case .doubleQuoted(let range):
                while next < positions.count && positions[next] < range.lowerBound { next += 1 }
                while next < positions.count && positions[next] < range.upperBound {
                    let c = candidates[next]
                    guard c.low != nil else {
                        throw NNVizError(source, "line \(c.line), column \(c.column)",
                                         "lone surrogate \\u\(c.high) in a string (a pair such as \\ud83d\\ude00 is needed)")
                    }
                    inDoubleQuotes[next] = true
                    next += 1
                }
            }
        }
        guard !candidates.isEmpty else { return Prepared(text: text, shifts: []) }
        // Only escapes inside double-quoted strings mean anything; elsewhere `\ud83d` is text and stays as written.
        var kept: [(Int, Int)] = []
        for (k, c) in candidates.enumerated() where inDoubleQuotes[k] { kept.append((c.line, c.column)) }
        if kept.count == candidates.count { return Prepared(text: rewritten, shifts: kept) }
        return Prepared(text: SurrogateEscapes.rewrite(text, candidates) { inDoubleQuotes[$0] }, shifts: kept)
    }

    /// The first alias's 1-based line and column, as the parser sees it; nil when there is none (or the text does not
    /// parse before one).
    static func firstAlias(in text: String) -> (Int, Int)? {
        do {
            try scanEvents(text) { (event) throws(NNVizError) in
                if case .alias(let line, let column) = event { throw NNVizError("", "\(line),\(column)", "") }
            }
        } catch {
            let parts = error.location.split(separator: ",").compactMap { Int($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        return nil
    }

    /// The composed text and the places where it is shorter than the file.
    struct Prepared {
        let text: String
        /// 1-based line and column (in the file) of each rewritten pair, in order.
        let shifts: [(line: Int, column: Int)]

        /// A column reported on the composed text, as it stands in the file.
        func originalColumn(line: Int, column: Int) -> Int {
            Self.originalColumn(line: line, column: column, shifts: shifts)
        }

        static func originalColumn(line: Int, column: Int, shifts: [(line: Int, column: Int)]) -> Int {
            var c = column
            for s in shifts where s.line == line {
                // A pair at file column s.column sits at the same column in the composed text once the earlier
                // pairs on the line are accounted for; everything after it moved two characters left.
                if s.column < c { c += 2 } else { break }
            }
            return c
        }
    }

    enum Event {
        case alias(line: Int, column: Int)
        case doubleQuoted(Range<Int>)
    }

    /// Feeds `body` libyaml's alias events and double-quoted scalars (as character ranges), in document order;
    /// stops quietly at a parse error, which composing the text reports.
    static func scanEvents(_ text: String, _ body: (Event) throws(NNVizError) -> Void) throws(NNVizError) {
        var text = text
        try text.withUTF8 { bytes in
            Result { () throws(NNVizError) in
                var parser = yaml_parser_t()
                guard yaml_parser_initialize(&parser) == 1 else { return }
                defer { yaml_parser_delete(&parser) }
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
                var event = yaml_event_t()
                while yaml_parser_parse(&parser, &event) == 1 {
                    defer { yaml_event_delete(&event) }
                    switch event.type {
                    case YAML_STREAM_END_EVENT:
                        return
                    case YAML_ALIAS_EVENT:
                        try body(.alias(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1))
                    case YAML_SCALAR_EVENT where event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE:
                        try body(.doubleQuoted(Int(event.start_mark.index)..<Int(event.end_mark.index)))
                    default:
                        break
                    }
                }
            }
        }.get()
    }
}
