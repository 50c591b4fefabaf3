import Foundation
import Testing
import NNVizTestSupport

/// Output does not depend on the locale or the current folder: the same command run in another folder under a
/// German locale (decimal comma) writes every figure, in every format, and every report file byte for byte as
/// under the C locale; a second run of the same command changes nothing.
@Suite struct LocaleAndFolderTests {
    /// The second run is also 14 hours ahead (a POSIX TZ string, no tzdata needed), so a local date would show.
    static let plain = ["LC_ALL": "C", "LANG": "C", "TZ": "UTC0"]
    static let german = ["LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "TZ": "KIR-14"]

    /// The German locale must really be installed (`make deps` generates it); without it the C library falls back
    /// to C and every comparison below would pass without proving anything.
    static func requireGermanLocale() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
        p.arguments = ["decimal_point"]
        p.environment = ProcessInfo.processInfo.environment.merging(german) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try #require(o == ",\n" && e.isEmpty,
                     "de_DE.UTF-8 is not installed (locale printed \(o.debugDescription), \(e.debugDescription)); run `make deps`")
    }

    /// Runs the same arguments in two folders, once per locale, and returns both folders' contents.
    static func inTwoFolders(_ args: [String]) throws -> (c: [String: Data], de: [String: Data]) {
        let s = try Scratch("locale")
        defer { s.remove() }
        let a = try s.folder("a"), b = try s.folder("b/deeper")
        let ra = try NNVizBinary.run(args, cwd: a, environment: plain, timeout: 30)
        let rb = try NNVizBinary.run(args, cwd: b, environment: german, timeout: 30)
        #expect(ra.status == 0 && ra.stderr.isEmpty, "\(args): \(ra.stderr)")
        #expect(rb.status == ra.status && rb.stderr == ra.stderr && rb.stdout == ra.stdout, "\(args): \(rb.stderr)")
        return (s.snapshot("a"), s.snapshot("b/deeper"))
    }

    static let figures: [[String]] = [
        ["diagram", "tiny-net", "--sample", "0.6,0.1,0.9,0.4"],
        ["heatmap", "iris", "--random", "12", "--sort"],
        ["heatmap", "iris", "--hinton"],
        ["regions", "xor", "--data", "xor:40", "--neurons", "--resolution", "120"],
    ]

    @Test(arguments: figures, ["png", "svg", "pdf"])
    func figuresIgnoreLocaleAndFolder(_ args: [String], _ format: String) throws {
        try Self.requireGermanLocale()
        let (c, de) = try Self.inTwoFolders(args + ["-o", "f." + format])
        #expect(c.keys.sorted() == ["f." + format], "\(args): \(c.keys.sorted())")
        #expect((c["f." + format]?.count ?? 0) > 1000)
        #expect(de == c, "\(args) → .\(format) differs under de_DE.UTF-8 or in another folder")
    }

    @Test func reportIgnoresLocaleAndFolderAndRepeats() throws {
        try Self.requireGermanLocale()
        let args = ["report", "xor", "tiny-net", "--random", "5", "--data", "xor", "--formats", "png,svg,pdf", "-o", "out", "--quiet"]
        let (c, de) = try Self.inTwoFolders(args)
        for file in ["out/index.html", "out/xor/index.html", "out/xor/report.md", "out/xor/report.json", "out/xor/regions.pdf",
                     "out/tiny-net/report.json"] {
            #expect(c[file] != nil, "\(file) missing")
        }
        #expect(c.keys.sorted() == de.keys.sorted())
        for (file, bytes) in c { #expect(de[file] == bytes, "\(file) differs under de_DE.UTF-8 or in another folder") }
        // Run twice with the same arguments in the same folder: every byte the same.
        let s = try Scratch("twice")
        defer { s.remove() }
        let first = try NNVizBinary.run(args, cwd: s.url, timeout: 30)
        let once = s.snapshot()
        let second = try NNVizBinary.run(args, cwd: s.url, timeout: 30)
        #expect(first.status == 0 && second.status == 0)
        #expect(s.snapshot() == once)
        #expect(once == c)
    }

    @Test func printedTablesIgnoreLocaleAndFolder() throws {
        try Self.requireGermanLocale()
        for args in [["forward", "iris", "--random", "4", "--seed", "9", "--pre"], ["summary", "iris"]] {
            let s = try Scratch("stdout")
            defer { s.remove() }
            let a = try NNVizBinary.run(args, cwd: try s.folder("a"), environment: Self.plain, timeout: 30)
            let b = try NNVizBinary.run(args, cwd: try s.folder("b"), environment: Self.german, timeout: 30)
            #expect(a.status == 0 && !a.stdout.isEmpty, "\(args): \(a.stderr)")
            #expect(args[0] != "forward" || a.stdout.contains("."), "forward prints decimals")
            #expect(b.stdout == a.stdout && b.stderr == a.stderr && b.status == a.status, "\(args) differs under de_DE.UTF-8")
        }
    }
}
