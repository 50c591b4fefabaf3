/// Text as a figure draws and measures it: line breaks (`\r\n` as one), tabs and the line and paragraph separators
/// become spaces; other control characters (C0, DEL, C1), the bidi controls and NUL (which would end the C string
/// Cairo reads) are dropped, so a spec name cannot draw control glyphs, reorder a label or cut it short.
///
/// The same set of characters as `NNVizEngine.DisplayText.isUnsafe` (a test keeps the two in step).
public enum DrawableText {
    /// Whether `u` is never drawn as it is.
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with unsafe scalars replaced (spacing ones) or dropped; unchanged when it holds none.
    public static func of(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for u in text.unicodeScalars {
            defer { previous = u }
            switch u {
            case "\n" where previous == "\r": continue
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out.append(" ")
            case _ where isUnsafe(u): continue
            default: out.append(u)
            }
        }
        return String(out)
    }
}
