import Foundation
import NNVizSystem
import Testing
import NNVizEngine
@testable import NNVizReport

@Suite struct ReportNameTests {
    @Test func namesCannotEscape() {
        #expect(ReportName.sanitize("xor") == "xor")
        #expect(ReportName.sanitize("../../etc") == "etc")
        #expect(ReportName.sanitize("/") == "network")
        #expect(ReportName.sanitize("") == "network")
        #expect(ReportName.sanitize(".git") == "git")
        #expect(ReportName.sanitize("My Net: v2!") == "my-net-v2")
        #expect(ReportName.sanitize("a/../../b") == "a-b")
        #expect(ReportName.sanitize("<script>") == "script")
        #expect(ReportName.sanitize(String(repeating: "a", count: 300)).count == ReportName.maxLength)
        #expect(ReportName.folders(for: ["xor", "XOR", "x/or", "xor"]) == ["xor", "xor-2", "x-or", "xor-3"])
    }

    func temp() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    func listing(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// Commit swaps the new folder in; an abandoned one leaves the old report byte-identical and no stray folder.
    @Test func stagedFolderSwapsOrLeavesAlone() throws {
        let root = try temp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dest = root + "/out/xor"
        let first = try StagedFolder(destination: dest)
        try first.write("one", name: "index.html")
        try first.commit()
        #expect(listing(root + "/out") == ["xor"])
        #expect(try String(contentsOfFile: dest + "/index.html", encoding: .utf8) == "one")

        do {
            let failing = try StagedFolder(destination: dest)
            try failing.write("two", name: "index.html")
            #expect(listing(root + "/out").count == 2)
            // dropped without commit, as when rendering throws
        }
        #expect(listing(root + "/out") == ["xor"])
        #expect(try String(contentsOfFile: dest + "/index.html", encoding: .utf8) == "one")

        let second = try StagedFolder(destination: dest)
        try second.write("two", name: "report.md")
        try second.commit()
        #expect(listing(dest) == [".nnviz-report", "report.md"])
        #expect(listing(root + "/out") == ["xor"])
    }

    @Test func stagedFolderRefusesAFile() throws {
        let root = try temp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "x".write(toFile: root + "/xor", atomically: true, encoding: .utf8)
        #expect(throws: NNVizError(root + "/xor", "", "exists and is not a folder; remove it or choose another \(Setting.output)")) {
            try StagedFolder(destination: root + "/xor")
        }
        #expect(listing(root) == ["xor"])
    }
}
