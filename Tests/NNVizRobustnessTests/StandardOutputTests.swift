import Foundation
import Testing
import NNVizTestSupport

/// Every command that prints checks its writes: standard output on a full device (`/dev/full`) or closed
/// (`>&-`) ends with exit 1 and one line `error: standard output: …`, not exit 0 with the output lost; a reader
/// that goes away (`| head`) ends it quietly by SIGPIPE.
@Suite struct StandardOutputTests {
    /// Commands that print to stdout (the report prints the folders it wrote; help and the version are printed by
    /// `NNViz.printCleanExit`, not by ArgumentParser's `print`).
    static let printing: [[String]] = [
        ["forward", "iris", "--random", "5000"],
        ["forward", "xor", "--sample", "0,1"],
        ["forward", "xor", "--sample", "0,1", "--json"],
        ["summary", "xor"],
        ["summary", "iris", "--json"],
        ["examples"],
        ["datasets"],
        ["datasets", "moons"],
        ["report", "xor", "--sample", "0,1", "-o", "./out"],
        ["--help"],
        ["forward", "--help"],
        ["--version"],
    ]

    /// Runs `nnviz arguments…` through `sh` with `redirect` applied to the binary only.
    static func run(_ arguments: [String], redirect: String, in s: Scratch) throws -> NNVizBinary.Result {
        try NNVizBinary.run(["-c", "exec \"$0\" \"$@\" \(redirect)", NNVizBinary.url.path] + arguments, cwd: s.url,
                            timeout: 60, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test(arguments: printing)
    func fullDeviceIsAnError(_ args: [String]) throws {
        let s = try Scratch("stdout-full")
        defer { s.remove() }
        let r = try Self.run(args, redirect: "> /dev/full", in: s)
        #expect(r == .init(stdout: "", stderr: "error: standard output: cannot write: No space left on device\n", status: 1), "\(args)")
    }

    @Test(arguments: printing)
    func closedStdoutIsAnError(_ args: [String]) throws {
        let s = try Scratch("stdout-closed")
        defer { s.remove() }
        let r = try Self.run(args, redirect: ">&-", in: s)
        #expect(r == .init(stdout: "", stderr: "error: standard output: cannot write: Bad file descriptor\n", status: 1), "\(args)")
    }

    /// Help and the version still print as ArgumentParser printed them: the text, one newline, exit 0.
    @Test func helpAndVersionStillPrint() throws {
        let help = try NNVizBinary.run(["forward", "--help"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        #expect(help.stdout.hasPrefix("OVERVIEW: Run samples through a network and print every layer's activations.\n"))
        #expect(help.stdout.hasSuffix("-h, --help              Show help information.\n\n"))
        #expect(try NNVizBinary.run(["--version"]) == .init(stdout: "0.2.0\n", stderr: "", status: 0))
    }

    /// A figure command prints nothing, so a closed stdout does not matter, and the figure (whose file would
    /// otherwise be opened as fd 1) is written whole.
    @Test func figureCommandsDoNotNeedStdout() throws {
        let s = try Scratch("stdout-figure")
        defer { s.remove() }
        let r = try Self.run(["diagram", "xor", "-o", "d.png"], redirect: ">&-", in: s)
        #expect(r == .init(stdout: "", stderr: "", status: 0))
        let png = try Data(contentsOf: s.url.appendingPathComponent("d.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 1000)
    }

    /// `nnviz forward … | head -c 10`: head leaves after the first bytes; nnviz ends by SIGPIPE (status 141 in bash),
    /// with nothing on stderr.
    @Test func brokenPipeEndsQuietly() throws {
        let s = try Scratch("stdout-pipe")
        defer { s.remove() }
        let script = "\"$0\" forward iris --random 200000 | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\""
        let r = try NNVizBinary.run(["-c", script, NNVizBinary.url.path], cwd: s.url, timeout: 120,
                                    executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(r == .init(stdout: "141\n", stderr: "", status: 0))
    }
}
