import Foundation
import Testing
import NNVizTestSupport

/// Nothing lost: a figure command that fails after its output path is chosen leaves the file already there byte
/// for byte and no temporary file beside it; a report that fails part-way leaves the previous report as it was.
/// Each case runs the built binary, so the whole path from options to rename is covered.
@Suite struct AtomicOutputTests {
    static let previous = Data("the figure from yesterday's lecture".utf8)

    /// Runs `nnviz arguments…` in `folder`, optionally under `ulimit -f blocks` (a full disk: writes fail with
    /// EFBIG once a file passes the limit; SIGXFSZ is ignored so the process sees the error).
    static func run(_ arguments: [String], in folder: URL, fileSizeLimit blocks: Int? = nil) throws -> NNVizBinary.Result {
        guard let blocks else { return try NNVizBinary.run(arguments, cwd: folder, timeout: 30) }
        let quoted = ([NNVizBinary.url.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        return try NNVizBinary.run(["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \(quoted)"], cwd: folder, timeout: 30,
                                   executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// One failure: the command, the output it names (already holding `previous`) and a fragment of its error.
    struct Failure: CustomTestStringConvertible, Sendable {
        var why: String
        var arguments: [String]
        var output: String
        var fragment: String
        var fileSizeLimit: Int? = nil
        var testDescription: String { why }
    }

    static let failures: [Failure] = [
        Failure(why: "bad sample width", arguments: ["diagram", "xor", "--sample", "1,2,3"], output: "f.png",
                fragment: "error: --sample: sample 0: has 3 values but xor takes 2 inputs (x1, x2)"),
        Failure(why: "missing batch", arguments: ["heatmap", "iris", "--batch", "nowhere.csv"], output: "f.svg",
                fragment: "error: nowhere.csv: no such file"),
        Failure(why: "grid over the evaluation limit", arguments: ["regions", "xor", "--resolution", "5000"], output: "f.pdf",
                fragment: "error: --resolution: a 5000 × 5000 grid is 25000000 evaluations, more than the limit of 16000000"),
        Failure(why: "canvas over the pixel budget (from --width × --scale)", arguments: ["diagram", "xor", "--width", "20000", "--scale", "2"],
                output: "f.png", fragment: "error: f.png: canvas 40000 × auto exceeds the limit of 20000 pixels a side"),
        Failure(why: "canvas over the pixel budget (found after layout)", arguments: ["heatmap", "xor", "--random", "100000"],
                output: "f.png", fragment: "exceeds the limit of 20000 pixels a side"),
        Failure(why: "disk full while writing the temporary file", arguments: ["diagram", "xor"], output: "f.png",
                fragment: "error: f.png: cannot write: File too large", fileSizeLimit: 20),
    ]

    @Test(arguments: failures)
    func failingRenderLeavesTheOldFile(_ f: Failure) throws {
        let s = try Scratch("atomic")
        defer { s.remove() }
        try Self.previous.write(to: s.url.appendingPathComponent(f.output))
        let r = try Self.run(f.arguments + ["-o", f.output], in: s.url, fileSizeLimit: f.fileSizeLimit)
        #expect(r.status == 1 && !r.signalled, "\(f.why): status \(r.status)")
        #expect(r.stderr.hasSuffix("\n") && r.stderr.dropLast().split(separator: "\n").count == 1, "\(f.why): \(r.stderr)")
        #expect(r.stderr.contains(f.fragment), "\(f.why): \(r.stderr)")
        #expect(s.snapshot() == [f.output: Self.previous], "\(f.why): the old file changed or a temporary file was left")
    }

    /// The output path names a folder (the rename fails after the temporary file is written), lies under a file, or
    /// (when not root) in a read-only folder; a missing folder is made.
    @Test func unwritableDestinationsLeaveNoTemporaryFile() throws {
        let s = try Scratch("atomic-dest")
        defer { s.remove() }
        _ = try s.folder("f.png/inner")
        try Self.previous.write(to: s.url.appendingPathComponent("keep.svg"))
        let before = s.snapshot()
        let folder = try Self.run(["diagram", "xor", "-o", "f.png"], in: s.url)
        #expect(folder.status == 1 && folder.stderr == "error: f.png: cannot write: Is a directory\n")
        let underFile = try Self.run(["heatmap", "xor", "--weights", "-o", "keep.svg/f.svg"], in: s.url)
        #expect(underFile.status == 1 && underFile.stderr == "error: keep.svg: exists and is not a folder\n")
        #expect(s.snapshot() == before)
        // A missing folder is created, as report creates its -o folder.
        let missing = try Self.run(["regions", "xor", "-o", "nope/f.png"], in: s.url)
        #expect(missing.status == 0 && missing.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: s.url.appendingPathComponent("nope/f.png").path))
        try FileManager.default.removeItem(at: s.url.appendingPathComponent("nope"))
        if getuid() != 0 {  // root writes through permissions, so a read-only folder proves nothing there
            let ro = try s.folder("ro")
            try Self.previous.write(to: ro.appendingPathComponent("f.png"))
            chmod(ro.path, 0o555)
            defer { chmod(ro.path, 0o755) }
            let denied = try Self.run(["diagram", "xor", "-o", "ro/f.png"], in: s.url)
            #expect(denied.status == 1 && denied.stderr == "error: ro/f.png: cannot write: Permission denied\n")
            #expect(s.snapshot("ro") == ["f.png": Self.previous])
        }
    }

    /// A report that fails after it has started writing (a template over its rendering budget, once the figures are
    /// staged; a full disk) leaves the
    /// previous report folder byte for byte, and no staging or set-aside folder behind.
    @Test func failedReportLeavesThePreviousReport() throws {
        let s = try Scratch("atomic-report")
        defer { s.remove() }
        let made = try Self.run(["report", "xor", "--random", "4", "-o", "out", "--quiet"], in: s.url)
        #expect(made.status == 0, "\(made.stderr)")
        let before = s.snapshot()
        #expect(before.keys.contains("out/xor/index.html") && before.keys.contains("out/xor/report.json"))
        let nested = CorpusCase.folder.path + "/templates/nested-16"
        let big = try Self.run(["report", "xor", "--random", "4", "--templates", nested, "-o", "out", "--quiet"], in: s.url)
        #expect(big.status == 1 && big.stderr.hasPrefix("error: \(nested)/report.md.mustache: "), "\(big.stderr)")
        #expect(big.stderr.hasSuffix("rendering would take more than 1000000 steps (look-ups and section repetitions); the template nests sections over lists too deeply for this report\n"))
        #expect(s.snapshot() == before)
        let full = try Self.run(["report", "xor", "--random", "5", "-o", "out", "--quiet"], in: s.url, fileSizeLimit: 60)
        #expect(full.status == 1 && full.stderr.hasSuffix("(File too large)\n"), "\(full.stderr)")
        #expect(s.snapshot() == before)
    }

    /// A first report that fails leaves no trace: not even the -o folders it had to create, for one network or several.
    @Test func failedFirstReportLeavesNoFolders() throws {
        let s = try Scratch("atomic-first")
        defer { s.remove() }
        for nets in [["xor"], ["xor", "iris"]] {
            let nested = CorpusCase.folder.path + "/templates/nested-16"
            let r = try Self.run(["report"] + nets + ["--random", "4", "--templates", nested, "-o", "new/deep", "--quiet"], in: s.url)
            #expect(r.status == 1 && r.stderr.contains("rendering would take more than 1000000 steps"), "\(nets): \(r.stderr)")
            #expect(s.snapshot().isEmpty, "\(nets): \(s.snapshot().keys.sorted())")
        }
    }
}
