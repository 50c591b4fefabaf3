import Foundation
import Mustache
import NNVizSystem
import Testing
import NNVizEngine
@testable import NNVizReport

@Suite struct TemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The embedded defaults are exactly the files in templates/ (run `make templates` after editing those).
    @Test func embeddedCopyEqualsTemplatesFolder() throws {
        let pairs = [("report.html.mustache", DefaultTemplates.reportHTML), ("report.md.mustache", DefaultTemplates.reportMarkdown),
                     ("index.html.mustache", DefaultTemplates.indexHTML), ("report.css", DefaultTemplates.stylesheet)]
        for (file, embedded) in pairs {
            let onDisk = try String(contentsOf: Self.root.appendingPathComponent("templates/" + file), encoding: .utf8)
            #expect(onDisk == embedded, "templates/\(file) differs from DefaultTemplates.swift; run make templates")
        }
        #expect(ReportTemplates.fileNames.sorted() == pairs.map(\.0).sorted())
    }

    @Test func markdownEscapingNeutralisesMarkup() {
        #expect(MarkdownEscaping.escape("*bold* _x_ [a](b) <script> | # `c` & $") ==
                ##"\*bold\* \_x\_ \[a\](b) \<script> \| \# \`c\` \& \$"##)
        #expect(MarkdownEscaping.escape("two\nlines\tand\u{7}bell") == "two lines andbell")
        #expect(MarkdownEscaping.escape("h1_2 → 0.5") == #"h1\_2 → 0.5"#)
    }

    /// `{{x}}` escapes for HTML in HTML templates and for Markdown in Markdown ones; author syntax errors say where.
    @Test func contentTypesAndErrors() throws {
        struct Box { let x: String }
        let t = try ReportTemplates(html: ("<p>{{x}}</p>", "a.html"), markdown: ("**{{x}}**", "a.md"),
                                    index: ("", "i.html"), css: "")
        let hostile = Box(x: #"<script>alert("&'")</script> *b*"#)
        #expect(try t.reportHTML.render(hostile) == "<p>&lt;script&gt;alert(&quot;&amp;&#39;&quot;)&lt;/script&gt; *b*</p>")
        #expect(try t.reportMarkdown.render(hostile) == #"**\<script>alert("\&'")\</script> \*b\***"#)
        do {
            _ = try ReportTemplates(html: ("ok\n{{#a}}never closed", "mine.html"), markdown: ("", "m"), index: ("", "i"), css: "")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.description.hasPrefix("error: mine.html: line 2, column"))
            #expect(error.description.hasSuffix("Mustache syntax error: a section is never closed"))
        }
    }

    @Test func authorFolderReplacesOnlyWhatItHolds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "body { color: red }".write(to: dir.appendingPathComponent("report.css"), atomically: true, encoding: .utf8)
        let t = try ReportTemplates.load(directory: dir.path)
        #expect(t.css == "body { color: red }")
        // HTML templates are parsed behind the pragma that selects `HTMLEscaping`.
        #expect(t.reportHTML.template.description == HTMLEscaping.pragma + DefaultTemplates.reportHTML)
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: NNVizError(empty.path, "", "holds none of the report templates (report.html.mustache, report.md.mustache, index.html.mustache, report.css)")) {
            try ReportTemplates.load(directory: empty.path)
        }
        #expect(throws: NNVizError("/no/such/dir", "", "no such folder (\(Setting.templates))")) { try ReportTemplates.load(directory: "/no/such/dir") }
    }
}
