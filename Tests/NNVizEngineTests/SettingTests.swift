import Foundation
import NNVizSystem
import NNVizTestSupport
import Testing
@testable import NNVizEngine

/// Library messages name settings, never command-line flags: the library words them plainly, a front end with its
/// own names; and no source file of a library module spells a flag.
@Suite struct SettingTests {
    @Test func errorsCarrySettingsAsTokens() {
        let e = NNVizError(Setting.random, "", "needs at least 1 sample, got 0; or raise \(Setting.maxPoints)")
        #expect(e.source == Setting.random.token)
        #expect(e.description == "error: random samples: needs at least 1 sample, got 0; or raise the point limit")
        #expect(Setting.render(e.line) { "<\($0.rawValue)>" } == "error: <random>: needs at least 1 sample, got 0; or raise <maxPoints>")
        // Text that merely looks like a token is left alone.
        #expect(Setting.plain("a \u{E000}nope\u{E001} b \u{E000}") == "a \u{E000}nope\u{E001} b \u{E000}")
    }

    @Test func gridLimitNamesTheSettingsToChange() {
        #expect(throws: NNVizError("grid", "", "a 5 × 5 grid is 25 evaluations, more than the limit of 16; lower \(Setting.resolution) or raise \(Setting.maxEvaluations)")) {
            try GridLimit.check(resolution: 5, limit: 16, source: "grid")
        }
    }

    /// Every string literal in the library modules is free of `--flag` spellings (doc comments may mention them).
    @Test func librarySourcesSpellNoFlags() throws {
        let root = NNVizBinary.packageRoot.path
        var offenders: [String] = []
        for module in ["NNVizEngine", "NNVizRender", "NNVizScene", "NNVizCairo", "NNVizReport", "NNVizSystem"] {
            let dir = root + "/Sources/" + module
            for file in try FileManager.default.subpathsOfDirectory(atPath: dir) where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.drop { $0 == " " }
                    if code.hasPrefix("//") { continue }
                    let parts = code.split(separator: "\"", omittingEmptySubsequences: false)
                    for (i, part) in parts.enumerated() where i % 2 == 1 {
                        if part.range(of: #"(^|[\s(])--[a-z]"#, options: .regularExpression) != nil
                            || part.range(of: #"(^|[\s(])-o($|[\s),;])"#, options: .regularExpression) != nil {
                            offenders.append("\(module)/\(file):\(n + 1)")
                        }
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "flag spelled in a library: \(offenders)")
    }
}
