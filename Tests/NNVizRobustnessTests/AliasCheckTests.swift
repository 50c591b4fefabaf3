import Testing
@testable import NNVizEngine

/// The alias refusal catches every alias where a node starts, with its place, and nothing else.
@Suite struct AliasCheckTests {
    func alias(_ text: String) -> (Int, Int)? {
        YAMLAliasCheck.firstAlias(in: Array(text.utf8))
    }

    @Test func findsAliasesWhereNodesStart() {
        #expect(alias("a: &x 1\nb: *x\n")! == (2, 4))
        #expect(alias("l: [1, *x]")! == (1, 8))
        #expect(alias("l: [*x]")! == (1, 5))
        #expect(alias("m: {k: *x}")! == (1, 8))
        #expect(alias("- *x\n")! == (1, 3))
        #expect(alias("? *x\n: 1\n")! == (1, 3))
        #expect(alias("*x : 1\n")! == (1, 1))
        #expect(alias("a:\n  - 1\n  - &y *x\n")! == (3, 8))
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
