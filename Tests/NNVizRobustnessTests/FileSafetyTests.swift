import Foundation
import NNVizSystem
import NNVizTestSupport
import Testing

/// What nnviz does to the file system under attack: relative and empty paths, folders of someone else's files,
/// special files, non-UTF-8 and 255-byte names, file-size limits and signals. Nothing nnviz did not write is ever
/// deleted or replaced, and nothing half-written is left behind.
@Suite struct FileSafetyTests {
    static func run(_ arguments: [String], in folder: URL) throws -> NNVizBinary.Result {
        try NNVizBinary.run(arguments, cwd: folder, timeout: 60)
    }

    /// `nnviz …` through `sh -c` (for raw-byte arguments and shell limits); `$N` is the binary.
    static func shell(_ script: String, in folder: URL) throws -> NNVizBinary.Result {
        try NNVizBinary.run(["-c", "N='\(NNVizBinary.url.path)'; " + script], cwd: folder, timeout: 60,
                            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// Every name under `folder`, recursively, hidden ones included (as raw-byte-safe strings).
    static func tree(_ folder: String, _ prefix: String = "") -> [String] {
        (FileTree.names(in: folder) ?? []).flatMap { name -> [String] in
            let path = folder + "/" + name
            return FileTree.kind(path) == S_IFDIR ? [prefix + name + "/"] + tree(path, prefix + name + "/") : [prefix + name]
        }
    }

    static let xorReport = [".nnviz-report", "activation-functions.png", "activation-functions.svg", "diagram.png", "diagram.svg",
                            "index.html", "regions.png", "regions.svg", "report.json", "report.md", "weights.png", "weights.svg"]

    /// `report -o r` crashed in path arithmetic (SIGILL) for any relative folder whose first missing part has one
    /// character.
    @Test(arguments: ["r", "a/b", "x/yy", "r/", "./q"])
    func reportIntoNewRelativeFolders(_ output: String) throws {
        let s = try Scratch("rel")
        defer { s.remove() }
        let r = try Self.run(["report", "xor", "-o", output, "--quiet"], in: s.url)
        #expect(r.status == 0 && !r.signalled, "\(r.stderr)")
        var folder = output
        while folder.hasSuffix("/") { folder.removeLast() }
        #expect(Self.tree(s.path + "/" + folder + "/xor") == Self.xorReport)
    }

    /// An empty path is a usage error for every command, never the current folder or the root.
    @Test func emptyPathsAreUsageErrors() throws {
        let s = try Scratch("empty")
        defer { s.remove() }
        let cases: [([String], String)] = [
            (["report", "xor", "-o", ""], "-o"), (["report", ""], "NET"), (["report", "xor", "--data", ""], "--data"),
            (["report", "xor", "--templates", ""], "--templates"), (["diagram", "xor", "-o", ""], "-o"),
            (["heatmap", "xor", "-o", ""], "-o"), (["regions", "xor", "-o", ""], "-o"), (["summary", ""], "NET"),
            (["forward", "xor", "--batch", ""], "--batch"), (["regions", "xor", "--data", "", "-o", "x.png"], "--data"),
            (["datasets", "xor", "-o", ""], "-o"),
        ]
        for (args, name) in cases {
            let r = try Self.run(args, in: s.url)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr == "error: nnviz: \(name): an empty path names no file or folder (see nnviz help)\n", "\(args)")
        }
        #expect(Self.tree(s.path).isEmpty)
    }

    /// A report folder holding a file nnviz did not write is refused; `--force` writes nnviz's files and keeps it.
    @Test func foreignFilesAreNeverDeleted() throws {
        let s = try Scratch("foreign")
        defer { s.remove() }
        let xor = try s.folder("out/xor")
        try Data("draft\n".utf8).write(to: xor.appendingPathComponent("thesis.txt"))
        let r = try Self.run(["report", "xor", "-o", "out"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr == "error: out/xor: holds files nnviz did not write (thesis.txt); choose another -o, or add --force to replace only nnviz's own files and keep the rest\n")
        #expect(Self.tree(s.path) == ["out/", "out/xor/", "out/xor/thesis.txt"])

        let forced = try Self.run(["report", "xor", "-o", "out", "--force", "--quiet"], in: s.url)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.tree(xor.path) == (Self.xorReport + ["thesis.txt"]).sorted())
        #expect(try String(contentsOf: xor.appendingPathComponent("thesis.txt"), encoding: .utf8) == "draft\n")
        let manifest = try String(contentsOf: xor.appendingPathComponent(".nnviz-report"), encoding: .utf8)
        #expect(manifest == (["nnviz report"] + Self.xorReport.dropFirst()).joined(separator: "\n") + "\n")

        // Again with --force and fewer figures: nnviz's regions files go, thesis.txt stays.
        let again = try Self.run(["report", "xor", "-o", "out", "--force", "--formats", "png", "--quiet"], in: s.url)
        #expect(again.status == 0)
        #expect(Self.tree(xor.path).contains("thesis.txt"))
        // Without --force, still refused: the folder is not all nnviz's.
        #expect(try Self.run(["report", "xor", "-o", "out"], in: s.url).status == 1)
    }

    /// Even with `--force`, a file of the user's that has a name the report writes is not replaced.
    @Test func forceNeverReplacesAForeignFileOfTheSameName() throws {
        let s = try Scratch("clash")
        defer { s.remove() }
        let xor = try s.folder("out/xor")
        try Data("mine".utf8).write(to: xor.appendingPathComponent("report.md"))
        try Data("notes".utf8).write(to: xor.appendingPathComponent("notes.txt"))
        let r = try Self.run(["report", "xor", "-o", "out", "--force"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr == "error: out/xor/report.md: was not written by nnviz and is never replaced, even with --force; choose another -o\n")
        #expect(Self.tree(s.path) == ["out/", "out/xor/", "out/xor/notes.txt", "out/xor/report.md"])
    }

    /// A network named `templates` reported into `.` must not replace the user's `templates/` folder.
    @Test func aNetworkNamedLikeAFolderOfTheUsers() throws {
        let s = try Scratch("templates")
        defer { s.remove() }
        let t = try s.folder("templates")
        try Data("{{title}}".utf8).write(to: t.appendingPathComponent("report.html.mustache"))
        try Data(#"{"name": "templates", "layers": [{"weights": [[1], [1]], "bias": [0], "activation": "relu"}]}"#.utf8)
            .write(to: s.url.appendingPathComponent("net.json"))
        let before = s.snapshot()
        let r = try Self.run(["report", "net.json", "-o", "."], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: ./templates: holds files nnviz did not write (report.html.mustache);"))
        #expect(s.snapshot() == before)
    }

    /// A folder an older nnviz wrote (no manifest, only report file names) is replaced as before.
    @Test func olderReportFoldersAreReplaced() throws {
        let s = try Scratch("legacy")
        defer { s.remove() }
        let xor = try s.folder("out/xor")
        for name in ["index.html", "report.md", "activations.png", "diagram.pdf"] { try Data("old".utf8).write(to: xor.appendingPathComponent(name)) }
        let r = try Self.run(["report", "xor", "-o", "out", "--quiet"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.tree(s.path) == ["out/", "out/xor/"] + Self.xorReport.map { "out/xor/" + $0 })
    }

    /// The index of several reports replaces only an `index.html` nnviz wrote.
    @Test func aForeignIndexIsNotReplaced() throws {
        let s = try Scratch("index")
        defer { s.remove() }
        try Data("<h1>my course</h1>".utf8).write(to: s.url.appendingPathComponent("index.html"))
        let before = s.snapshot()
        let r = try Self.run(["report", "xor", "iris", "-o", "."], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr == "error: ./index.html: was not written by nnviz and is never replaced; choose another -o for several networks\n")
        #expect(s.snapshot() == before)
        // nnviz's own index is replaced on the next run.
        #expect(try Self.run(["report", "xor", "iris", "-o", "out", "--quiet"], in: s.url).status == 0)
        #expect(try Self.run(["report", "xor", "iris", "-o", "out", "--quiet"], in: s.url).status == 0)
    }

    /// A FIFO, or a link to a device, at `-o` is refused and left as it was; a link to a regular file has its
    /// target replaced and stays a link.
    @Test func specialFilesAtTheOutputAreRefused() throws {
        let s = try Scratch("special")
        defer { s.remove() }
        #expect(mkfifo(s.path + "/fig.png", 0o600) == 0)
        #expect(mkfifo(s.path + "/d.csv", 0o600) == 0)
        #expect(symlink("/dev/null", s.path + "/null.svg") == 0)
        for (args, path) in [(["diagram", "xor", "-o", "fig.png"], "fig.png"), (["datasets", "xor", "-o", "d.csv"], "d.csv"),
                             (["heatmap", "xor", "--random", "2", "-o", "null.svg"], "null.svg")] {
            let r = try Self.run(args, in: s.url)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == "error: \(path): cannot write: is not a regular file (a pipe, socket or device); choose another file name\n")
        }
        #expect(FileTree.kind(s.path + "/fig.png") == S_IFIFO)
        #expect(FileTree.kind(s.path + "/null.svg") == S_IFLNK)

        try Data("old".utf8).write(to: s.url.appendingPathComponent("real.png"))
        #expect(symlink("real.png", s.path + "/link.png") == 0)
        #expect(try Self.run(["diagram", "xor", "-o", "link.png"], in: s.url).status == 0)
        #expect(FileTree.kind(s.path + "/link.png") == S_IFLNK)
        #expect(try Data(contentsOf: s.url.appendingPathComponent("real.png")).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(Self.tree(s.path) == ["d.csv", "fig.png", "link.png", "null.svg", "real.png"])
    }

    /// Paths are bytes: a name that is not UTF-8 is written and read as given, and shown with `\xFF` escapes.
    @Test func nonUTF8PathsAreKeptAsGiven() throws {
        let s = try Scratch("bytes")
        defer { s.remove() }
        let r = try Self.shell(#"exec "$N" diagram xor -o "$(printf '\377\376.png')""#, in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileTree.names(in: s.path)?.map(RawPath.bytes) == [[0xFF, 0xFE, 0x2E, 0x70, 0x6E, 0x67]])

        let spec = #"{"name": "n", "layers": [{"weights": [[1]], "bias": [0], "activation": "relu"}]}"#
        let loaded = try Self.shell("printf '%s' '\(spec)' > \"$(printf '\\377.json')\"; exec \"$N\" summary \"$(printf '\\377.json')\"", in: s.url)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let npz = try Self.shell("cp '\(NNVizBinary.fixture("net.npz"))' \"$(printf 'n\\377.npz')\"; exec \"$N\" summary \"$(printf 'n\\377.npz')\"", in: s.url)
        #expect(npz.status == 0 && npz.stdout.contains("n\\xFF"), "\(npz.stderr)")
        let missing = try Self.shell(#"exec "$N" summary "$(printf '\376.json')""#, in: s.url)
        #expect(missing.stderr == "error: \\xFE.json: no such file\n")
    }

    /// A legal 255-byte name: the temporary file beside it must stay within NAME_MAX too.
    @Test func longestFileNamesWork() throws {
        let s = try Scratch("long")
        defer { s.remove() }
        let name = String(repeating: "a", count: 251) + ".svg"
        for args in [["diagram", "xor", "-o", name], ["datasets", "xor", "-o", String(name.dropLast(4)) + ".csv"]] {
            let r = try Self.run(args, in: s.url)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(Self.tree(s.path).map(\.utf8.count) == [255, 255])
        let folder = String(repeating: "b", count: 255)
        let r = try Self.run(["report", "xor", "-o", folder + "/" + folder, "--quiet"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// Under a file-size limit, writes fail with the usual line (SIGXFSZ is ignored) and leave nothing behind.
    @Test func fileSizeLimitsAreErrorsNotDeaths() throws {
        let s = try Scratch("xfsz")
        defer { s.remove() }
        let cases = [("\"$N\" diagram mlp-784 -o big.svg", "error: big.svg: cannot write: File too large\n"),
                     ("\"$N\" datasets moons:5000 -o d.csv", "error: d.csv: cannot write: File too large\n"),
                     ("\"$N\" report xor -o rep", "error: rep/xor/diagram.png: cannot be written (File too large)\n")]
        for (command, message) in cases {
            let r = try Self.shell("ulimit -f 8; exec " + command, in: s.url)
            #expect(r.status == 1 && !r.signalled, "\(command)")
            #expect(r.stderr == message)
        }
        #expect(Self.tree(s.path).isEmpty)
    }

    /// SIGINT, SIGTERM and SIGHUP during a report remove the staging folder and the `-o` folders the run created,
    /// and exit with 128 + the signal.
    @Test(arguments: zip([SIGINT, SIGTERM, SIGHUP], [Int32(130), 143, 129]))
    func signalsLeaveNothingBehind(_ signal: Int32, _ status: Int32) throws {
        let s = try Scratch("signal")
        defer { s.remove() }
        let p = Process()
        p.executableURL = NNVizBinary.url
        p.arguments = ["report", "mlp-784", "--random", "400", "-o", "a/b", "--quiet"]
        p.currentDirectoryURL = s.url
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Signal once the report is being staged: a `.mlp-784.partial-…` folder exists.
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline && !(FileTree.names(in: s.path + "/a/b") ?? []).contains(where: { $0.contains(".partial-") }) {
            usleep(500)
        }
        #expect(p.isRunning, "the report ended before it could be interrupted")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == status)
        #expect(Self.tree(s.path).isEmpty)
    }
}
