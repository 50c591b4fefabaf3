import NNVizSystem

/// Text from specs, file names and the command line made safe to show: on a terminal (escaped, visibly) or in a
/// document (stripped).
///
/// A name such as `ESC ] 0; title BEL ESC [2J` would retitle and clear the reader's terminal if printed as is, and a
/// bidi override would reorder what a page or a figure shows; nnviz prints names through these functions instead.
public enum DisplayText {
    /// Scalars never shown raw: C0 controls (tab and newline included), DEL, C1 controls, the line and paragraph
    /// separators (U+2028, U+2029) and the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool { UnsafeScalars.contains(u) }

    /// `text` for a terminal: `\n`, `\r` and `\t` as those two characters, every other unsafe scalar as `\u{1b}`
    /// (lower-case hex), the rest unchanged; text without unsafe scalars is returned as it is.
    public static func escaped(_ text: String) -> String {
        // A file name's bytes that are not UTF-8 (see `RawPath`) show as `\xFF`.
        let text = RawPath.display(text)
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return JSONText.escaping(text) { u in
            switch u {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where isUnsafe(u): "\\u{\(String(u.value, radix: 16))}"
            default: nil
            }
        }
    }

    /// `text` for a page (HTML, Markdown): line breaks (`\r\n` as one), tabs and the line and paragraph separators
    /// become spaces, every other unsafe scalar is dropped.
    public static func stripped(_ text: String) -> String { UnsafeScalars.stripped(text) }
}
