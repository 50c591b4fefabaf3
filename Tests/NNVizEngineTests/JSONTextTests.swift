import Testing
import NNVizEngine

/// The one JSON string writer behind `--json` and `report.json`: what it escapes and what it leaves alone.
@Suite struct JSONTextTests {
    @Test func escapesQuotesBackslashesControlsAndLineSeparators() {
        #expect(JSONText.string("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONText.string("l1\nl2\r\t") == #""l1\nl2\r\t""#)
        #expect(JSONText.string("\u{1}\u{1F}\u{7F}") == #""\u0001\u001f\u007f""#)
        #expect(JSONText.string("a\u{2028}b\u{2029}") == #""a\u2028b\u2029""#)
    }

    @Test func leavesOtherTextAsItIs() {
        #expect(JSONText.string("") == #""""#)
        #expect(JSONText.string("é → σ(x) ŷ 中") == "\"é → σ(x) ŷ 中\"")
        // C1 controls (here NEL) are escaped too: a terminal may act on them (`DisplayText.isUnsafe`).
        #expect(JSONText.string("a\u{85}") == #""a\u0085""#)
    }

    @Test func errorLinesEscapeControlsTheirOwnWay() {
        #expect(NNVizError("a\nb.json", "x", "bad\u{1b}[2K").description == #"error: a\nb.json: x: bad\u{1b}[2K"#)
        #expect(NNVizError("f", "", "tab\there \"quoted\"").description == #"error: f: tab\there "quoted""#)
    }
}
