import Testing
import NNVizEngine
@testable import NNVizReport

/// Hostile nesting is refused before the recursive Mustache parser sees it, with the line and column of the tag.
@Suite struct MustacheNestingTests {
    func nested(_ n: Int, open: String = "{{#a}}", close: String = "{{/a}}") -> String {
        String(repeating: open, count: n) + String(repeating: close, count: n)
    }

    @Test func deepSectionsAreRefusedAtTheirTag() throws {
        try MustacheNesting.check(nested(100), source: "t")
        try MustacheNesting.check(String(repeating: "{{#a}}{{/a}}", count: 10_000), source: "t")
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
        #expect(t.reportHTML.render(A()) == "ok")
    }
}
