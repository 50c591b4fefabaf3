import NNVizEngine

/// A JSON value of `report.json` with its layout: the document is built as data and written by one function, so
/// commas, brackets, escaping and indentation are decided in one place (and the bytes never depend on a dictionary's
/// order, the locale or a formatter). Numbers and strings are written by `JSONText`.
indirect enum ReportJSONValue {
    /// How an object or array is laid out.
    enum Layout {
        /// On one line: `{"a": 1, "b": 2}`, `[1, 2]`.
        case inline
        /// One member per line, indented two spaces beyond the value's own line, the closing bracket on its own line.
        case lines
        /// On one line, except that the members named here start a new line, one space in from the opening brace.
        case wrapped(before: Set<String>)
    }

    case string(String)
    case int(Int)
    case numbers([Double])
    /// A matrix, one row per line (`JSONText.rows`).
    case rows(Matrix)
    case array([ReportJSONValue], Layout)
    case object([(key: String, value: ReportJSONValue)], Layout)

    /// `["a", "b"]` on one line.
    static func strings(_ values: [String]) -> ReportJSONValue { .array(values.map(ReportJSONValue.string), .inline) }

    /// The value as text; `indent` is the indentation of the line it starts on.
    func written(indent: String = "") -> String {
        switch self {
        case .string(let s): return JSONText.string(s)
        case .int(let i): return String(i)
        case .numbers(let v): return JSONText.numbers(v)
        case .rows(let m): return JSONText.rows(m, indent: indent)
        case .array(let items, let layout):
            switch layout {
            case .lines:
                guard !items.isEmpty else { return "[]" }
                let inner = indent + "  "
                return "[\n" + items.map { inner + $0.written(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
            case .inline, .wrapped:
                return "[" + items.map { $0.written(indent: indent) }.joined(separator: ", ") + "]"
            }
        case .object(let members, let layout):
            func member(_ m: (key: String, value: ReportJSONValue), _ at: String) -> String {
                JSONText.string(m.key) + ": " + m.value.written(indent: at)
            }
            switch layout {
            case .lines:
                guard !members.isEmpty else { return "{}" }
                let inner = indent + "  "
                return "{\n" + members.map { inner + member($0, inner) }.joined(separator: ",\n") + "\n" + indent + "}"
            case .inline:
                return "{" + members.map { member($0, indent) }.joined(separator: ", ") + "}"
            case .wrapped(let before):
                var out = "{"
                for (i, m) in members.enumerated() {
                    if i > 0 { out += before.contains(m.key) ? ",\n" + indent + " " : ", " }
                    out += member(m, indent)
                }
                return out + "}"
            }
        }
    }
}
