import Testing
@testable import NNVizEngine

/// Escaped surrogate pairs, as Python's `json.dump` writes characters outside the BMP, load as the character in
/// JSON and in YAML double-quoted strings; a lone surrogate is refused with its place.
@Suite struct SurrogateTests {
    static let layers = #"[{"activation": "relu", "weights": [[1]], "bias": [0]}]"#

    func name(_ text: String, source: String = "n.json") throws -> String {
        try NetworkSpec.parse(text, source: source, defaultName: "n").name
    }

    @Test func pairsLoadInJSON() throws {
        #expect(try name(#"{"name": "net \ud83d\ude00", "layers": \#(Self.layers)}"#) == "net 😀")
        #expect(try name(#"{"name": "\uD83D\uDE00\ud834\udd1e", "layers": \#(Self.layers)}"#) == "😀𝄞")
        // A tab between items sends plain JSON to the YAML parser, which must agree.
        #expect(try name("{\"name\": \"net \\ud83d\\ude00\",\t\"layers\": \(Self.layers)}") == "net 😀")
    }

    @Test func pairsLoadInYAMLDoubleQuotedStrings() throws {
        let yaml = "name: \"net \\ud83d\\ude00 and \\U0001F600\"\nlayers: \(Self.layers)\n"
        #expect(try name(yaml, source: "n.yaml") == "net 😀 and 😀")
        #expect(try name("layers: \(Self.layers)\r# c\rname: \"\\ud83d\\ude00\"\r", source: "n.yaml") == "😀")
    }

    @Test func escapesOutsideDoubleQuotesStayText() throws {
        #expect(try name("name: net \\ud83d\\ude00\nlayers: \(Self.layers)\n", source: "n.yaml") == "net \\ud83d\\ude00")
        #expect(try name("name: '\\ud83d'\nlayers: \(Self.layers)\n", source: "n.yaml") == "\\ud83d")
        #expect(try name("name: x # \\ud83d\nlayers: \(Self.layers)\n", source: "n.yaml") == "x")
        #expect(try name("name: |\n  \\ud83d \"\\ud83d\\ude00\"\nlayers: \(Self.layers)\n", source: "n.yaml") == "\\ud83d \"\\ud83d\\ude00\"\n")
        // An escaped backslash: `\\ud83d` is a backslash and the text `ud83d`.
        #expect(try name(#"{"name": "\\ud83d", "layers": \#(Self.layers)}"#) == "\\ud83d")
        #expect(try name("name: \"\\\\ud83d\"\nlayers: \(Self.layers)\n", source: "n.yaml") == "\\ud83d")
    }

    @Test func loneSurrogatesAreRefusedWithTheirPlace() {
        #expect(throws: NNVizError("n.json", "line 1, column 15",
                                   #"lone surrogate \ud83d in a string (a pair such as \ud83d\ude00 is needed)"#)) {
            try name(#"{"name": "net \ud83d", "layers": \#(Self.layers)}"#)
        }
        #expect(throws: NNVizError("n.yaml", "line 2, column 12",
                                   #"lone surrogate \uDE00 in a string (a pair such as \ud83d\ude00 is needed)"#)) {
            try name("layers: \(Self.layers)\nname: \"net \\uDE00\"\n", source: "n.yaml")
        }
        // A high surrogate followed by another high one: the first is alone.
        #expect(throws: NNVizError("n.json", "line 1, column 11",
                                   #"lone surrogate \ud83d in a string (a pair such as \ud83d\ude00 is needed)"#)) {
            try name(#"{"name": "\ud83d\ud83d\ude00", "layers": \#(Self.layers)}"#)
        }
    }

    @Test func errorsAfterAPairKeepTheirColumnInTheFile() {
        // Each pair is rewritten two characters shorter; the column reported is the file's.
        #expect(throws: NNVizError("n.yaml", "line 1, column 34", "malformed JSON/YAML: did not find expected key")) {
            try name("name: \"\\ud83d\\ude00\\ud83d\\ude00\" ]\n", source: "n.yaml")
        }
        #expect(throws: NNVizError("n.yaml", "line 2, column 37", "YAML aliases (*name) are not supported; write the value out (aliases can expand exponentially)")) {
            try name("a: &a 1\nb: [\"\\ud83d\\ude00\", \"\\ud83d\\ude00\", *a]\n", source: "n.yaml")
        }
    }
}
