import Yams

/// Parses JSON or YAML text into a node tree, turning parser failures into `line L, column C` errors.
///
/// JSON is YAML's flow style and read as YAML, with no implicit typing: numbers are interpreted by the spec reader
/// itself, so `"0.5"` stays a string and `NaN` is reported where it stands. Plain JSON takes a fast path
/// (`StrictJSON`) that builds the same tree; anything else, and every error, comes from the YAML parser.
enum SpecDocument {
    /// How deeply lists and mappings may nest: libyaml's own ceiling, which keeps the composer's recursion shallow.
    static let maxNesting = 1000

    /// The root node of `text`, named `source` in errors.
    static func parse(_ text: String, source: String) throws(NNVizError) -> SpecNode {
        // The fast path never accepts an alias (a `*` outside a string) and decodes surrogate pairs itself.
        if let root = StrictJSON.parse(text, numbers: true) { return SpecNode(node: root, path: "", source: source) }
        return try yaml(text, source: source)
    }

    /// The root node of `text` as the YAML parser reads it, after `YAMLAliasCheck` has refused aliases and lone
    /// surrogate escapes on the parser's events and rewritten escaped surrogate pairs.
    static func yaml(_ text: String, source: String) throws(NNVizError) -> SpecNode {
        let prepared = try YAMLAliasCheck.prepare(text, source: source)
        let root: Node?
        do {
            root = try Yams.compose(yaml: prepared.text, .basic)
        } catch let e as YamlError {
            throw convert(e, source: source, prepared: prepared)
        } catch {
            throw NNVizError(source, "", "cannot be parsed (\(error))")
        }
        guard let root else { throw NNVizError(source, "", "is empty") }
        return SpecNode(node: SpecValue(root), path: "", source: source)
    }

    static func convert(_ e: YamlError, source: String, prepared: YAMLAliasCheck.Prepared? = nil) -> NNVizError {
        func at(_ m: Mark) -> String {
            "line \(m.line), column \(prepared?.originalColumn(line: m.line, column: m.column) ?? m.column)"
        }
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return NNVizError(source, at(mark), "nested deeper than \(maxNesting) levels")
            }
            return NNVizError(source, at(mark), "malformed JSON/YAML: \(problem)")
        case .reader(let problem, let offset, _, _):
            return NNVizError(source, offset.map { "character \($0)" } ?? "", "malformed text: \(problem)")
        case .duplicatedKeysInMapping(let keys, let context):
            let list = keys.map { "'\($0)'" }.joined(separator: ", ")
            return NNVizError(source, at(context.mark), "duplicate key \(list) in a mapping")
        case .memory:
            return NNVizError(source, "", "too large to parse")
        default:
            return NNVizError(source, "", "cannot be parsed (\(e))")
        }
    }
}
