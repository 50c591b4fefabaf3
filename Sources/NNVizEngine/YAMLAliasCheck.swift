/// Refuses YAML aliases (`*name`) before the text reaches the parser.
///
/// Aliases can expand exponentially ("billion laughs"): Yams hashes mapping keys in full, so a few lines of
/// nested aliases used as a key hang the parser. Specs and batches never need them, so any alias is refused
/// with its line and column. The scan is a small YAML lexer: it skips quoted strings, comments and block
/// scalars (`|`, `>`), and treats `*` as an alias only where a node may start.
public enum YAMLAliasCheck {
    /// Throws an error naming `source` and the alias's line and column when `text` uses an alias.
    public static func check(_ text: String, source: String) throws(NNVizError) {
        // On the contiguous bytes when possible: a plain loop, far faster than through the UTF-8 view.
        let star = UInt8(ascii: "*")
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(star) }) ?? text.utf8.contains(star) else { return }
        if let (line, column) = firstAlias(in: Array(text.utf8)) {
            throw NNVizError(source, "line \(line), column \(column)",
                             "YAML aliases (*name) are not supported; write the value out (aliases can expand exponentially)")
        }
    }

    /// The 1-based line and column of the first alias, if any.
    static func firstAlias(in b: [UInt8]) -> (Int, Int)? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var i = 0, line = 1, lineStart = 0
        var quote: UInt8 = 0           // the open quote character, 0 outside quoted scalars
        var flowDepth = 0
        var nodeStart = true           // a node may begin here (line start, after an indicator)
        var blockIndent = -1           // inside a block scalar: the indentation of the line that opened it
        var lineIndent = 0
        var atLineStart = true
        func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }
        while i < b.count {
            let c = b[i]
            if c == newline {
                i += 1; line += 1; lineStart = i; atLineStart = true
                if quote == 0 && flowDepth == 0 { nodeStart = true }
                continue
            }
            if atLineStart {
                // Measure indentation; inside a block scalar skip every line indented deeper than its opener.
                var j = i
                while j < b.count && b[j] == space { j += 1 }
                lineIndent = j - i
                if blockIndent >= 0 {
                    let blank = j >= b.count || b[j] == newline || b[j] == cr
                    if blank || lineIndent > blockIndent {
                        while i < b.count && b[i] != newline { i += 1 }
                        continue
                    }
                    blockIndent = -1
                }
                atLineStart = false
                i = j
                continue
            }
            if quote != 0 {
                if quote == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") { i += 2; continue }
                if c == quote {
                    if quote == UInt8(ascii: "'") && i + 1 < b.count && b[i + 1] == quote { i += 2; continue }
                    quote = 0
                    nodeStart = false
                }
                i += 1
                continue
            }
            let previousBlank = i == lineStart || isBlank(b[i - 1])
            switch c {
            case space, tab, cr:
                break
            case UInt8(ascii: "#") where previousBlank:
                while i < b.count && b[i] != newline { i += 1 }
                continue
            case UInt8(ascii: "*") where nodeStart:
                return (line, i - lineStart + 1)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if nodeStart { quote = c } else { nodeStart = false }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if nodeStart || flowDepth > 0 { flowDepth += 1; nodeStart = true } else { nodeStart = false }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flowDepth > 0 { flowDepth -= 1 }
                nodeStart = false
            case UInt8(ascii: ","):
                nodeStart = flowDepth > 0
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                let next = i + 1 < b.count ? b[i + 1] : newline
                let followedByBlank = isBlank(next) || next == newline || next == cr
                // An indicator followed by a blank (or `:` in flow) opens a node; otherwise a plain scalar such
                // as `-1` or `a:b` continues.
                nodeStart = followedByBlank || (c == UInt8(ascii: ":") && flowDepth > 0)
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                // An anchor or tag keeps the position a node start; skip its name.
                if nodeStart {
                    while i < b.count && !isBlank(b[i]) && b[i] != newline { i += 1 }
                    continue
                }
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                if nodeStart && flowDepth == 0 {
                    blockIndent = lineIndent
                    while i < b.count && b[i] != newline { i += 1 }
                    continue
                }
                nodeStart = false
            default:
                nodeStart = false
            }
            i += 1
        }
        return nil
    }
}
