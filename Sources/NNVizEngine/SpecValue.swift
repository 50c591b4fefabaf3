import Yams

/// A parsed JSON or YAML value as the spec reader sees it: nnviz's own small tree, which the fast JSON path builds
/// directly and the YAML path converts into, so both hand the reader the same thing.
enum SpecValue {
    /// Entries in document order; keys are values too (YAML allows a list as a key; the reader refuses it).
    case mapping([(key: SpecValue, value: SpecValue)])
    case sequence([SpecValue])
    /// A list of plain finite numbers, already read (only `StrictJSON` builds it; `items` gives the scalars).
    case numbers(NumberList)
    /// A scalar's text; `plain` when written unquoted (numbers, `null`, bare words), which is what makes it a number.
    case scalar(String, plain: Bool)
    case alias

    /// The value of a node the YAML parser composed.
    init(_ node: Node) {
        switch node {
        case .scalar(let s): self = .scalar(s.string, plain: s.style == .plain)
        case .sequence(let s): self = .sequence(s.map(SpecValue.init))
        case .mapping(let m): self = .mapping(m.map { (key: SpecValue($0.key), value: SpecValue($0.value)) })
        case .alias: self = .alias
        }
    }

    /// The items of a list, numbers as their plain scalars; nil for anything else.
    var items: [SpecValue]? {
        switch self {
        case .sequence(let s): return s
        case .numbers(let l): return l.scalars
        default: return nil
        }
    }
}
