import NNVizEngine
import Testing

/// Names printed to a terminal show their control characters as escapes; pages and JSON never carry them raw.
@Suite struct DisplayTextTests {
    static let hostile = "net\u{1B}]0;pwned\u{7}\u{1B}[2J\u{0}\u{B}\u{7F}\u{9B}\u{202E}\u{2066}\u{200F}\u{2028}!"

    @Test func terminalTextEscapesEveryControl() {
        #expect(DisplayText.escaped(Self.hostile) ==
                #"net\u{1b}]0;pwned\u{7}\u{1b}[2J\u{0}\u{b}\u{7f}\u{9b}\u{202e}\u{2066}\u{200f}\u{2028}!"#)
        #expect(DisplayText.escaped("a\tb\nc\rd") == #"a\tb\nc\rd"#)
        #expect(DisplayText.escaped("h1 → ŷ (é, 中)") == "h1 → ŷ (é, 中)")
    }

    @Test func pageTextDropsControlsAndKeepsWordsApart() {
        #expect(DisplayText.stripped(Self.hostile) == "net]0;pwned[2J !")
        #expect(DisplayText.stripped("two\r\nlines\tand\u{7}bell") == "two lines andbell")
    }

    @Test func errorsEscapeC1AndBidiControlsToo() {
        #expect(NNVizError("n\u{9B}et", "x", "a\u{202E}b").description == #"error: n\u{9b}et: x: a\u{202e}b"#)
    }

    @Test func jsonStringsEscapeC1AndBidiControls() {
        #expect(JSONText.string("a\u{1B}b\u{9B}c\u{202E}d\u{2069}") == #""a\u001bb\u009bc\u202ed\u2069""#)
        #expect(JSONText.string("é → 中") == "\"é → 中\"")
    }
}
