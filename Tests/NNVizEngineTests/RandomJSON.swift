import NNVizTestSupport

/// Seeded random JSON texts for comparing the fast JSON path with the YAML parser: mostly well-formed, with the
/// whitespace, escapes, numbers and characters where JSON and YAML read differently, plus a damage step.
struct RandomJSON {
    private var g: SplitMix64

    init(seed: UInt64) { g = SplitMix64(seed: seed) }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
    private mutating func chance(_ p: Double) -> Bool { g.unit() < p }

    static let spaces = ["", "", " ", "\n", "  ", "\t", "\r\n", "\n  ", " \t ", "\r"]
    static let numbers = ["0", "-0", "1", "-12", "3.5", "0.125", "1e5", "1E+3", "-2.5e-7", "123456789012345678901234",
                          "1e999", "-0.0", "0.30000000000000004", "7", "00", ".5", "1.", "+1", "0x10", "1e", "-"]
    static let pieces = ["a", "weights", "x y", "#", " # c", ": ", ":", "- ", "*a", "&a", "!t", "%", "@", "`", "'", "|",
                         "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\u00e9", "\\u0000", "\\u0085",
                         "\\u2028", "\\uFEFF", "\\ud83d\\ude00", "\\ud800", "\\x41", "\\U0001F600", "\\a", "\\",
                         "é", "→", "😀", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{7F}", "\u{A0}", "\u{FFFE}", "e\u{301}",
                         "\t", "  ", "null", "true", "1"]

    private mutating func ws() -> String { chance(0.6) ? "" : pick(Self.spaces) }

    private mutating func string() -> String {
        var s = "\""
        for _ in 0..<Int(g.next() % 4) { s += pick(Self.pieces) }
        return s + "\""
    }

    private mutating func value(_ depth: Int) -> String {
        switch g.next() % (depth > 4 ? 5 : 8) {
        case 0, 1: return pick(Self.numbers)
        case 2, 3: return string()
        case 4: return pick(["true", "false", "null", "nul", "True"])
        case 5: return array(depth + 1)
        default: return object(depth + 1)
        }
    }

    private mutating func array(_ depth: Int) -> String {
        let items = (0..<Int(g.next() % 5)).map { _ in ws() + value(depth) + ws() }
        return "[" + (items.isEmpty ? ws() : items.joined(separator: ",")) + "]"
    }

    private mutating func object(_ depth: Int) -> String {
        var keys: [String] = []
        for _ in 0..<Int(g.next() % 5) {
            keys.append(chance(0.1) && !keys.isEmpty ? pick(keys) : chance(0.5) ? pick(["\"a\"", "\"b\"", "\"layers\""]) : string())
        }
        let items = keys.map { ws() + $0 + pick(["", "", " ", "\t", "\n"]) + ":" + ws() + value(depth) + ws() }
        return "{" + (items.isEmpty ? ws() : items.joined(separator: ",")) + "}"
    }

    /// A document: an array or object, sometimes with a long key or surrounded by odd whitespace.
    mutating func document() -> String {
        var body = chance(0.5) ? array(0) : object(0)
        if chance(0.05) { body = "{\"\(String(repeating: "k", count: Int(990 + g.next() % 40)))\": 1}" }
        if chance(0.03) { body = pick(["1", "\"s\"", "null", "", "[1] [2]", "{\"a\": 1}\n---\n"]) }
        return ws() + body + ws()
    }

    /// `text` with one character removed, inserted or replaced.
    mutating func damage(_ text: String) -> String {
        var c = Array(text.unicodeScalars)
        let at = c.isEmpty ? 0 : Int(g.next() % UInt64(c.count))
        let extra = pick(Array(",:[]{}\"\\ \t\n#*&!-0a'".unicodeScalars))
        switch g.next() % 3 {
        case 0 where !c.isEmpty: c.remove(at: at)
        case 1: c.insert(extra, at: at)
        default: if !c.isEmpty { c[at] = extra }
        }
        var s = ""
        s.unicodeScalars.append(contentsOf: c)
        return s
    }
}
