import Testing
@testable import NNVizEngine

/// The alias refusal catches every alias the YAML parser sees, with its place, and nothing else.
@Suite struct AliasCheckTests {
    func alias(_ text: String) -> (Int, Int)? {
        YAMLAliasCheck.firstAlias(in: text)
    }

    static let message = "YAML aliases (*name) are not supported; write the value out (aliases can expand exponentially)"

    /// Nine levels of ten aliases (10^10 nodes expanded), each line ended by `br`, after `first`.
    static func laughs(_ br: String, first: String) -> String {
        let names = Array("abcdefghij")
        var lines = [first]
        for k in 1..<names.count {
            lines.append("\(names[k]): &\(names[k]) [" + Array(repeating: "*\(names[k - 1])", count: 10).joined(separator: ", ") + "]")
        }
        return (lines + ["layers: *j", ""]).joined(separator: br)
    }

    /// Every line break YAML 1.1 knows: LF, CR, CRLF, NEL, LS, PS.
    static let breaks = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]

    @Test func findsAliasesWhereNodesStart() {
        #expect(alias("a: &x 1\nb: *x\n")! == (2, 4))
        #expect(alias("l: [1, *x]")! == (1, 8))
        #expect(alias("l: [*x]")! == (1, 5))
        #expect(alias("m: {k: *x}")! == (1, 8))
        #expect(alias("- *x\n")! == (1, 3))
        #expect(alias("? *x\n: 1\n")! == (1, 3))
        #expect(alias("*x : 1\n")! == (1, 1))
        #expect(alias("{\"a\":*x}")! == (1, 6))
    }

    @Test func ignoresStarsThatAreNotAliases() {
        #expect(alias("name: a * b\n") == nil)
        #expect(alias("name: a*b\n") == nil)
        #expect(alias("name: \"*x\"\n") == nil)
        #expect(alias("name: '*x'\n") == nil)
        #expect(alias("name: 'it''s *x'\n") == nil)
        #expect(alias("name: \"say \\\" *x\"\n") == nil)
        #expect(alias("name: x  # *not an alias\n") == nil)
        #expect(alias("# *x\nname: y\n") == nil)
        #expect(alias("note: |\n  * a bullet\n  *another\nname: x\n") == nil)
        #expect(alias("note: >-\n  *folded\n\n  *still\n") == nil)
        #expect(alias("name: \"two\n  *lines\"\n") == nil)
        #expect(alias("weights: [[1, -2], [3e-1, 4]]\n") == nil)
    }

    @Test func aliasAfterABlockScalarEndsIsFound() {
        #expect(alias("note: |\n  * text\nname: *x\n")! == (3, 7))
    }

    @Test(arguments: breaks) func aliasesAfterACommentOrBlockAreFoundWhateverTheLineBreak(_ br: String) {
        // A scan that knew only LF read everything after `#` as the comment, or after `|` as the block.
        #expect(alias("# c\(br)a: &a 1\(br)b: *a\(br)")! == (3, 4))
        #expect(alias("note: |\(br)  * text\(br)a: &a 1\(br)b: *a\(br)")! == (4, 4))
        #expect(alias("note: >\(br)  folded\(br)\(br)  *still text\(br)b: *a\(br)")! == (5, 4))
        #expect(alias("name: \"x\(br)  *not\"  # *no\(br)b: *a\(br)")! == (3, 4))
    }

    @Test(arguments: breaks) func billionLaughsAreRefusedFastInSpecsBatchesAndDatasets(_ br: String) throws {
        // A debug build refuses these in milliseconds; before the fix they ran until killed, so 5 s is generous.
        let clock = ContinuousClock()
        let start = clock.now
        let spec = Self.laughs(br, first: "# by hand\(br)a: &a [x, x, x, x, x, x, x, x, x, x]")
        #expect(throws: NNVizError("s.yaml", "line 3, column 8", Self.message)) {
            try NetworkSpec.parse(spec, source: "s.yaml", defaultName: "s")
        }
        let block = Self.laughs(br, first: "note: |\(br)  * a bullet\(br)a: &a [x, x, x, x, x, x, x, x, x, x]")
        #expect(throws: NNVizError("s.yaml", "line 4, column 8", Self.message)) {
            try NetworkSpec.parse(block, source: "s.yaml", defaultName: "s")
        }
        let batch = "# samples\(br)- &a [0, 1]\(br)- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\(br)"
        #expect(throws: NNVizError("b.json", "line 3, column 7", Self.message)) {
            try SampleLoader.jsonBatch(batch, source: "b.json")
        }
        let data = Self.laughs(br, first: "# points\(br)x: &a [[0, 0], [1, 1]]")
        #expect(throws: NNVizError("d.json", "line 3, column 8", Self.message)) {
            try Dataset.json(data, source: "d.json")
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func errorNamesTheFileAndPlace() {
        #expect(throws: NNVizError("n.yaml", "line 2, column 4",
                                   "YAML aliases (*name) are not supported; write the value out (aliases can expand exponentially)")) {
            try NetworkSpec.parse("a: &x 1\nb: *x\n", source: "n.yaml", defaultName: "n")
        }
    }

    @Test func specsWithoutAliasesStillLoad() throws {
        let net = try NetworkSpec.parse("""
            name: "stars * everywhere"   # a comment with *x
            inputs: ['*a', b]
            layers:
              - activation: relu
                weights: [[1], [2]]
                bias: [0]
            """, source: "s.yaml", defaultName: "s")
        #expect(net.name == "stars * everywhere")
        #expect(net.inputLabels == ["*a", "b"])
    }
}
