/// Hand-written, deterministic JSON pieces: escaped strings and shortest round-trip numbers.
///
/// Used for `--json` output so the bytes never depend on a dictionary's order, the locale or a formatter.
public enum JSONText {
    /// A JSON string literal. Controls (C0, DEL, C1), the line and paragraph separators (U+2028, U+2029, which end
    /// a line in JavaScript) and the bidi controls are escaped (`DisplayText.isUnsafe`), so the text is one line,
    /// safe to paste into a script and to print on a terminal.
    public static func string(_ s: String) -> String {
        let body = escaping(s) { u -> String? in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case _ where DisplayText.isUnsafe(u):
                let hex = String(u.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: return nil
            }
        }
        return "\"" + body + "\""
    }

    /// `text` with each scalar for which `escape` returns a replacement replaced by it, the rest copied; the loop
    /// behind JSON strings and one-line error messages.
    static func escaping(_ text: String, _ escape: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for u in text.unicodeScalars {
            if let e = escape(u) { out += e } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// A number in Swift's shortest round-trip form (`0.1`, `1e-05`, `3.0`); `null` when not finite.
    public static func number(_ v: Double) -> String {
        v.isFinite ? v.description : "null"
    }

    /// `[a, b, c]` of numbers.
    public static func numbers<C: Collection>(_ values: C) -> String where C.Element == Double {
        "[" + values.map(number).joined(separator: ", ") + "]"
    }

    /// `["a", "b"]`.
    public static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A matrix as an array of row arrays, one row per line at the given indent.
    public static func rows(_ m: Matrix, indent: String) -> String {
        guard m.rows > 0 else { return "[]" }
        let inner = (0..<m.rows).map { indent + "  " + numbers(m.row($0)) }.joined(separator: ",\n")
        return "[\n" + inner + "\n" + indent + "]"
    }
}
