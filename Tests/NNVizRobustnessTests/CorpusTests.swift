import Foundation
import Testing
import NNVizTestSupport

/// Runs the built `nnviz` on every bad input in `Corpus/cases.tsv`: each must fail cleanly with one clear line.
@Suite struct CorpusTests {
    @Test func corpusIsLargeAndCoversEveryClass() throws {
        let cases = try CorpusCase.all()
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids must be unique")
        let classes = Set(cases.map(\.inputClass))
        for required in ["spec", "gen", "batch", "npy", "npz", "sample", "grid", "canvas", "data", "template"] {
            #expect(classes.contains(required), "no \(required) cases")
        }
        // Every file the corpus names exists (apart from the deliberately missing ones).
        for c in cases where !c.id.hasSuffix("missing") && !c.id.hasSuffix("missing-file") {
            for a in c.arguments where a.hasPrefix(CorpusCase.folder.path) {
                #expect(FileManager.default.fileExists(atPath: a), "\(c.id): \(a) is missing")
            }
        }
    }

    @Test func everyBadInputFailsWithOneClearLine() throws {
        let cases = try CorpusCase.all()
        let out = CorpusCase.outputFolder
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let results = NNVizBinary.runAll(cases.map(\.arguments), environment: ["LC_ALL": "C"], timeout: 30)
        for (c, r) in zip(cases, results) {
            guard let r else { Issue.record("\(c.id): could not run nnviz"); continue }
            #expect(!r.timedOut, "\(c.id): hung (killed after the time limit)")
            #expect(!r.signalled, "\(c.id): died of signal \(r.status) — a crash or trap")
            #expect(r.status == c.status, "\(c.id): exit status \(r.status), expected \(c.status); stderr: \(r.stderr)")
            let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "\(c.id): stderr is not exactly one line: \(r.stderr.debugDescription)")
            let line = String(lines.first ?? "")
            #expect(line.hasPrefix("error: \(c.source): "), "\(c.id): line does not name \(c.source): \(line)")
            #expect(line.contains(c.fragment), "\(c.id): line lacks \(c.fragment.debugDescription): \(line)")
            #expect(r.stdout.isEmpty, "\(c.id): printed to stdout on failure: \(r.stdout.prefix(200))")
        }
        // No failing command left a figure or a temporary file where it was told to write.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }
}
