#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem
import Mustache
import NNVizEngine

/// The Mustache templates a report is rendered with: the embedded defaults, or an author's own from a folder
/// (`--templates DIR`), where any of `report.html.mustache`, `report.md.mustache`, `index.html.mustache` and
/// `report.css` replaces the default of the same name.
///
/// HTML templates escape `{{name}}` for HTML (`HTMLEscaping`); the Markdown template is rendered with Markdown
/// escaping. Both drop control characters from what they insert.
public struct ReportTemplates: Sendable {
    /// The file names an author's folder may hold.
    public static let fileNames = ["report.html.mustache", "report.md.mustache", "index.html.mustache", "report.css"]

    let reportHTML: Parsed
    let reportMarkdown: Parsed
    let indexHTML: Parsed

    /// A parsed template with its file (for errors) and the longest body of each section name (for the budget).
    struct Parsed: Sendable {
        let template: MustacheTemplate
        let source: String
        let bodies: [String: Int]

        func render(_ object: Any) throws(NNVizError) -> String {
            try MustacheBudget.render(template, object, bodies: bodies, source: source)
        }
    }
    /// The stylesheet inlined into every page.
    public let css: String

    /// The embedded default templates (copies of `templates/`).
    public static func defaults() throws(NNVizError) -> ReportTemplates {
        try ReportTemplates(html: (DefaultTemplates.reportHTML, "report.html.mustache"),
                            markdown: (DefaultTemplates.reportMarkdown, "report.md.mustache"),
                            index: (DefaultTemplates.indexHTML, "index.html.mustache"),
                            css: DefaultTemplates.stylesheet)
    }

    /// The templates in `directory`, the defaults standing in for missing files.
    public static func load(directory: String) throws(NNVizError) -> ReportTemplates {
        var st = stat()
        guard stat(directory, &st) == 0 else { throw NNVizError(directory, "", "no such folder (\(Setting.templates))") }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw NNVizError(directory, "", "is not a folder (\(Setting.templates))") }
        func text(_ file: String, _ fallback: String) throws(NNVizError) -> (String, String) {
            let path = directory.hasSuffix("/") ? directory + file : directory + "/" + file
            guard InputFile.exists(path) else { return (fallback, file) }
            return (try InputFile.text(path, limit: 16 << 20), path)
        }
        let found = fileNames.filter { InputFile.exists(directory + "/" + $0) }
        guard !found.isEmpty else {
            throw NNVizError(directory, "", "holds none of the report templates (\(fileNames.joined(separator: ", ")))")
        }
        let css = try text("report.css", DefaultTemplates.stylesheet).0
        return try ReportTemplates(html: text("report.html.mustache", DefaultTemplates.reportHTML),
                                   markdown: text("report.md.mustache", DefaultTemplates.reportMarkdown),
                                   index: text("index.html.mustache", DefaultTemplates.indexHTML), css: css)
    }

    init(html: (String, String), markdown: (String, String), index: (String, String), css: String) throws(NNVizError) {
        _ = MarkdownEscaping.registered
        _ = HTMLEscaping.registered
        reportHTML = try Self.parse(HTMLEscaping.pragma + html.0, source: html.1, offset: HTMLEscaping.pragma.count)
        reportMarkdown = try Self.parse(MarkdownEscaping.pragma + markdown.0, source: markdown.1, offset: MarkdownEscaping.pragma.count)
        indexHTML = try Self.parse(HTMLEscaping.pragma + index.0, source: index.1, offset: HTMLEscaping.pragma.count)
        self.css = css
    }

    /// Parses one template, turning a parser error into `error: FILE: line L, column C: …`.
    static func parse(_ text: String, source: String, offset: Int = 0) throws(NNVizError) -> Parsed {
        let bodies = try MustacheNesting.check(text, source: source, offset: offset)
        do {
            return Parsed(template: try MustacheTemplate(string: text), source: source, bodies: bodies)
        } catch let e as MustacheTemplate.ParserError {
            let column = e.context.lineNumber == 1 ? e.context.columnNumber - offset : e.context.columnNumber
            throw NNVizError(source, "line \(e.context.lineNumber), column \(max(column, 1))", "Mustache syntax error: \(describe(e.error))")
        } catch {
            throw NNVizError(source, "", "Mustache syntax error: \(error)")
        }
    }

    static func describe(_ error: Error) -> String {
        // The parser's own `overflow` (internal to the library) means the text ended inside a tag.
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" == "overflow" ? "the text ends inside a tag" : "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .invalidConfigVariableSyntax: return "invalid pragma"
        case .unrecognisedConfigVariable: return "unknown pragma"
        default: return "\(e)"
        }
    }

    /// The report page as HTML; throws naming the template when rendering would exceed `MustacheBudget`.
    public func html(_ page: ReportPage) throws(NNVizError) -> String { try reportHTML.render(page) }
    /// The report page as Markdown.
    public func markdown(_ page: ReportPage) throws(NNVizError) -> String { try reportMarkdown.render(page) }
    /// The index of several reports as HTML.
    public func index(_ page: ReportIndex) throws(NNVizError) -> String { try indexHTML.render(page) }
}
