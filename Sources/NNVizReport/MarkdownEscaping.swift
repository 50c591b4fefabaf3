import Mustache
import NNVizEngine

/// Escapes text for Markdown: characters that start emphasis, links, code, tables, headings or raw HTML get a
/// backslash, and line breaks become spaces, so a spec name such as `*bold* | <b>` prints as itself.
///
/// Registered with swift-mustache as the content type `MARKDOWN`; Markdown templates are rendered under it.
public struct MarkdownEscaping: MustacheContentType {
    public init() {}

    /// The characters CommonMark (with tables, strikethrough and math extensions) could read as markup inside a
    /// line, escaped with a backslash. `>`, `(`, `)` and `!` need no escape there: `<` and `[` already are.
    static let special: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", "#", "|", "~", "&", "$"]

    public func escapeText(_ text: String) -> String { Self.escape(text) }

    /// `text` with Markdown specials backslash-escaped, newlines and tabs as spaces and other control characters
    /// and bidi overrides dropped (`DisplayText.stripped`).
    public static func escape(_ text: String) -> String {
        var out = ""
        let clean = DisplayText.stripped(text)
        out.reserveCapacity(clean.count)
        for c in clean {
            if c.isNewline {
                out.append(" ")
            } else {
                if special.contains(c) { out.append("\\") }
                out.append(c)
            }
        }
        return out
    }

    /// The pragma that switches a template to this content type.
    static let pragma = "{{% CONTENT_TYPE: MARKDOWN}}"

    /// Registers the content type once per process (swift-mustache keeps a global, locked table).
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownEscaping(), named: "MARKDOWN")
        return true
    }()
}
