import Mustache
import NNVizEngine

/// Escapes text for HTML as swift-mustache's default does (`&`, `<`, `>`, `"`, `'` as entities), after
/// `DisplayText.stripped`: line breaks and tabs become spaces and other control characters (NUL, ESC, VT, C1) and
/// bidi overrides are dropped, so a spec name reaches the page as plain, well-ordered text.
///
/// Registered with swift-mustache as the content type `NNVIZ_HTML`; the HTML templates are rendered under it.
public struct HTMLEscaping: MustacheContentType {
    public init() {}

    public func escapeText(_ text: String) -> String { Self.escape(text) }

    /// `text` stripped of control characters and with HTML's specials as entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        let clean = DisplayText.stripped(text)
        out.reserveCapacity(clean.utf8.count)
        for c in clean {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The pragma that switches a template to this content type.
    static let pragma = "{{% CONTENT_TYPE: NNVIZ_HTML}}"

    /// Registers the content type once per process (swift-mustache keeps a global, locked table).
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: "NNVIZ_HTML")
        return true
    }()
}
