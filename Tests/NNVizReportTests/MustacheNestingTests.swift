import Testing
import NNVizEngine
import Mustache
@testable import NNVizReport

/// Hostile nesting is refused before the recursive Mustache parser sees it, with the line and column of the tag.
@Suite struct MustacheNestingTests {
    func nested(_ n: Int, open: String = "{{#a}}", close: String = "{{/a}}") -> String {
        String(repeating: open, count: n) + String(repeating: close, count: n)
    }

    @Test func deepSectionsAreRefusedAtTheirTag() throws {
        try MustacheNesting.check(nested(100), source: "t")
        try MustacheNesting.check(String(repeating: "{{#a}}{{/a}}", count: 1_000), source: "t")
        // The parser measures the rest of the text at every tag: 20,000 tags in 120,000 bytes took it seconds.
        #expect(throws: NNVizError("t", "", "has 20000 tags in 120000 bytes, more than the Mustache parser reads in good time (tags × bytes at most 200000000); use fewer tags or a shorter template")) {
            try MustacheNesting.check(String(repeating: "{{#a}}{{/a}}", count: 10_000), source: "t")
        }
        #expect(throws: NNVizError("t", "line 2, column 601", "sections nested deeper than 100 levels")) {
            try MustacheNesting.check("x\n" + nested(101), source: "t")
        }
        for opener in ["{{^a}}", "{{$a}}", "{{<a}}"] {
            #expect(throws: NNVizError.self, "\(opener)") { try MustacheNesting.check(String(repeating: opener, count: 101), source: "t") }
        }
        // A Markdown template's pragma prefix is left out of line 1's columns.
        #expect(throws: NNVizError("m", "line 1, column 601", "sections nested deeper than 100 levels")) {
            try MustacheNesting.check("12345" + nested(101), source: "m", offset: 5)
        }
    }

    /// Changed delimiters cannot hide nesting; tags inside comments and plain braces do not count.
    @Test func delimitersAndCommentsAreReadAsTheParserReadsThem() throws {
        #expect(throws: NNVizError("t", "line 1, column 612", "sections nested deeper than 100 levels")) {
            try MustacheNesting.check("{{=<% %>=}}" + nested(101, open: "<%#a%>", close: "<%/a%>"), source: "t")
        }
        try MustacheNesting.check("{{=<% %>=}}" + String(repeating: "{{#a}}", count: 200), source: "t")
        try MustacheNesting.check("{{! " + String(repeating: "{{#a ", count: 200) + "}}" + String(repeating: "{ {#", count: 200), source: "t")
        // A comment ends at the first closing delimiter, as in the parser: what follows is real.
        #expect(throws: NNVizError.self) { try MustacheNesting.check("{{! x}}" + String(repeating: "{{#a}}", count: 101), source: "t") }
        #expect(throws: NNVizError("t", "line 1, column 1", "set-delimiter tags must use ASCII characters")) {
            try MustacheNesting.check("{{=« »=}}", source: "t")
        }
    }

    /// Through the template loader: the error is the one stderr line, and a template at the limit still renders.
    @Test func loaderRefusesAndAccepts() throws {
        #expect(throws: NNVizError("deep.html", "line 1, column 601", "sections nested deeper than 100 levels")) {
            try ReportTemplates(html: (nested(5000), "deep.html"), markdown: ("", "m"), index: ("", "i"), css: "")
        }
        struct A { let a = true }
        let t = try ReportTemplates(html: (nested(100, open: "{{#a}}", close: "{{/a}}") + "ok", "ok.html"), markdown: ("", "m"),
                                    index: ("", "i"), css: "")
        #expect(try t.reportHTML.render(A()) == "ok")
    }
}

/// Rendering is bounded in output bytes and steps, and ordinary templates render exactly as swift-mustache renders them.
@Suite struct MustacheBudgetTests {
    struct Row { let name: String; let cells: [Int] }
    struct Page { let title: String; let rows: [Row]; let note: String?; let empty: [Int] }
    let page = Page(title: "a<b", rows: [Row(name: "r0", cells: [1, 2]), Row(name: "r1", cells: [3])], note: nil, empty: [])

    func render(_ text: String, maxBytes: Int = MustacheBudget.defaultMaxBytes,
                maxSteps: Int = MustacheBudget.defaultMaxSteps) throws(NNVizError) -> String {
        let template = try ReportTemplates.parse(text, source: "t.html")
        return try MustacheBudget.render(template.template, page, bodies: template.bodies, source: "t.html",
                                         maxBytes: maxBytes, maxSteps: maxSteps)
    }

    @Test func ordinaryTemplatesRenderAsTheLibraryDoes() throws {
        let texts = ["{{title}}|{{{title}}}|{{#rows}}{{name}}:{{#cells}}{{.}},{{/cells}};{{/rows}}",
                     "{{^note}}no note{{/note}}{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}",
                     "{{#rows}}{{title}}{{#first()}}F{{/first()}}{{/rows}}{{count(rows)}}{{#reversed(rows)}}{{name}}{{/reversed(rows)}}",
                     "{{rows.0.name}}{{#rows}}{{#cells}}{{name}}{{/cells}}{{/rows}}"]
        for text in texts {
            let plain = try MustacheTemplate(string: text).render(page)
            #expect(try render(text) == plain, "\(text)")
        }
        #expect(try render(texts[0]) == "a&lt;b|a<b|r0:1,2,;r1:3,;")
    }

    @Test func nestedRepetitionIsRefusedByItsSteps() {
        let deep = String(repeating: "{{#rows}}", count: 30) + "x" + String(repeating: "{{/rows}}", count: 30)
        #expect(throws: NNVizError("t.html", "'rows'", "rendering would take more than 1000 steps (look-ups and section repetitions); the template nests sections over lists too deeply for this report")) {
            try render(deep, maxSteps: 1000)
        }
    }

    @Test func repeatedLongValuesAreRefusedByTheirBytes() throws {
        let text = String(repeating: "{{title}}", count: 400)
        #expect(throws: NNVizError("t.html", "'title'", "rendering would produce more than 1000 bytes; the template repeats sections or long values too often for this report")) {
            try render(text, maxBytes: 1000)
        }
        // Static text repeated by a list counts too: 2 rows × 600 bytes.
        #expect(throws: NNVizError.self) { try render("{{#rows}}" + String(repeating: "y", count: 600) + "{{/rows}}", maxBytes: 1000) }
        #expect(try render("{{#rows}}" + String(repeating: "y", count: 400) + "{{/rows}}", maxBytes: 1000).count == 800)
    }
}
