/// The characters no output shows as they are: C0 controls (tab and NUL included), DEL, C1 controls, the line and
/// paragraph separators and the bidirectional controls. One definition for the terminal (`DisplayText.escaped`),
/// pages (`DisplayText.stripped`) and figures (`DrawableText.of`).
public enum UnsafeScalars {
    /// Whether `u` is never shown as it is.
    public static func contains(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with line breaks (`\r\n` as one), tabs and the line and paragraph separators as spaces and every
    /// other unsafe scalar dropped; unchanged when it holds none.
    public static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: contains) else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for u in text.unicodeScalars {
            defer { previous = u }
            switch u {
            case "\n" where previous == "\r": continue
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out.append(" ")
            case _ where contains(u): continue
            default: out.append(u)
            }
        }
        return String(out)
    }
}
