import Foundation
import NNVizTestSupport
import Testing
import Yams
@testable import NNVizEngine

/// The JSON fast path must build exactly the tree the YAML parser builds, or give up and leave the YAML path to
/// answer (and word every error).
@Suite struct StrictJSONTests {
    /// The tree spelled out, scalars marked plain (`p`) or quoted (`q`).
    static func describe(_ v: SpecValue) -> String {
        switch v {
        case .scalar(let s, let plain): return (plain ? "p" : "q") + JSONText.string(s)
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
        case .numbers(let list): return "[" + list.scalars.map(describe).joined(separator: ",") + "]"
        case .mapping(let m): return "{" + m.map { describe($0.key) + ":" + describe($0.value) }.joined(separator: ",") + "}"
        case .alias: return "alias"
        }
    }

    /// Checks one text; returns whether the fast path took it. When it does, Yams must agree node for node.
    @discardableResult
    static func agree(_ text: String, _ label: String) -> Bool {
        guard let fast = StrictJSON.parse(text) else {
            #expect(StrictJSON.parse(text, numbers: true) == nil, "number lists change what the fast path takes: \(label)")
            return false
        }
        // Number lists read straight into doubles stand for exactly the same scalars.
        #expect(StrictJSON.parse(text, numbers: true).map(describe) == describe(fast), "number lists differ: \(label)")
        // The YAML path as nnviz runs it: escaped surrogate pairs rewritten first (libyaml refuses them).
        let slow = (try? SpecDocument.yaml(text, source: "f.json"))?.node
        #expect(slow != nil, "fast path accepted what YAML refuses: \(label)")
        if let slow { #expect(describe(fast) == describe(slow), "trees differ: \(label)") }
        return true
    }

    /// An explicit-weights JSON spec of `net`, as a user would write it.
    static func explicitJSON(_ net: Network) -> String {
        let layers = net.layers.map { l in
            "{\"activation\": \(JSONText.string(l.activation.token)), \"neurons\": \(JSONText.strings(l.neuronLabels)),\n"
                + "\"weights\": \(JSONText.rows(l.weights, indent: "    ")),\n\"bias\": \(JSONText.numbers(l.bias))}"
        }
        return "{\"name\": \(JSONText.string(net.name)), \"inputs\": \(JSONText.strings(net.inputLabels)),\n"
            + "\"layers\": [\n" + layers.joined(separator: ",\n") + "\n]}\n"
    }

    @Test func bundledExamplesAsJSONTakeTheFastPathAndMatch() throws {
        for example in BundledExample.all {
            let text = Self.explicitJSON(try example.network())
            #expect(Self.agree(text, example.name), "fast path refused \(example.name)")
            let compact = text.filter { $0 != " " && $0 != "\n" }
            #expect(Self.agree(compact, example.name + " compact"))
            let net = try NetworkSpec.parse(text, source: "x.json", defaultName: "x")
            #expect(net.layers.map(\.weights.data) == (try example.network()).layers.map(\.weights.data))
        }
    }

    /// Every JSON file the tests ship (fixtures, the robustness corpus): same tree, or the YAML path answers.
    @Test func fixtureAndCorpusFilesMatchTheYAMLPath() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let folders = [here.appendingPathComponent("Fixtures")]
            + ["spec", "batch", "data"].map { here.deletingLastPathComponent().appendingPathComponent("NNVizRobustnessTests/Corpus/\($0)") }
        var fast = 0, files = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".json") {
                guard let text = try? InputFile.text(folder.appendingPathComponent(name).path, limit: 1 << 26) else { continue }
                files += 1
                if Self.agree(text, name) { fast += 1 }
                Self.sameOutcome(text, name)
            }
        }
        #expect(files > 40)
        #expect(fast > files / 2, "the fast path took only \(fast) of \(files) files")
    }

    /// `SpecDocument.parse` answers exactly as the alias check and the YAML path alone: same tree or the same error message.
    static func sameOutcome(_ text: String, _ label: String) {
        let a = Result { () throws(NNVizError) in try SpecDocument.parse(text, source: "f.json") }
        let b = Result { () throws(NNVizError) in
            try YAMLAliasCheck.check(text, source: "f.json")
            return try SpecDocument.yaml(text, source: "f.json")
        }
        switch (a, b) {
        case (.success(let x), .success(let y)): #expect(describe(x.node) == describe(y.node), "\(label)")
        case (.failure(let x), .failure(let y)): #expect(x.description == y.description, "\(label)")
        default: Issue.record("one path failed, the other did not: \(label)")
        }
    }

    /// Seeded random JSON, well-formed and then damaged, with the whitespace, escapes and characters where JSON
    /// and YAML part ways.
    @Test func randomDocumentsAgreeWithTheYAMLPath() {
        var g = RandomJSON(seed: 0x5EED)
        var fast = 0
        let count = 3000
        for k in 0..<count {
            var text = g.document()
            if k % 3 == 2 { text = g.damage(text) }
            if Self.agree(text, "#\(k): \(text.prefix(300))") { fast += 1 }
            if k % 10 == 0 { Self.sameOutcome(text, "#\(k)") }
        }
        #expect(fast > count / 5, "the fast path took only \(fast) of \(count) documents")
    }

    /// Deep nesting is left to the YAML parser's limit, without deep recursion in the fast path.
    @Test func deepNestingIsRefusedWithoutCrashing() {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "{\"a\": ", count: 100_000),
                     String(repeating: "[", count: 999) + String(repeating: "]", count: 999)] {
            #expect(StrictJSON.parse(text) == nil)
        }
        #expect(throws: NNVizError.self) { try SpecDocument.parse(String(repeating: "[", count: 100_000), source: "deep.json") }
        let ok = String(repeating: "[", count: StrictJSON.maxDepth) + "1" + String(repeating: "]", count: StrictJSON.maxDepth)
        #expect(Self.agree(ok, "maxDepth"))
    }

    @Test func numbersStayTextAndStringsStayStrings() throws {
        let root = try #require(StrictJSON.parse(#"{"w": [0.5, "0.5", -1e-3, 1E+400, true, null]}"#))
        let node = SpecNode(node: root, path: "", source: "t.json")
        let w = try #require(try node.mapping(allowed: ["w"])["w"]).list()
        #expect(try w[0].number() == 0.5)
        expectError(#"error: t.json: w[1]: expected a number, found the string "0.5""#) { _ = try w[1].number() }
        #expect(try w[2].number() == -1e-3)
        expectError("error: t.json: w[3]: is not a finite number (1E+400)") { _ = try w[3].number() }
        #expect(w[4].kind == "'true'" && w[5].kind == "null")
    }
}
