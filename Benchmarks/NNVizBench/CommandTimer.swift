import Foundation

/// Times a command line as whole processes: warm-up runs, then measured runs, each reaped with its own rusage.
struct CommandTimer {
    /// Where each command's stderr goes (`<logs>/<name>.log`), so a failure can be quoted.
    let logs: String

    /// Median/min/max over `runs` after `warmups`, then the peak RSS of one more run through `RSSProbe`
    /// (when `peakRSS`), or the reason it could not be measured.
    func time(_ argv: [String], name: String, runs: Int, warmups: Int = 1, stdout: String = "/dev/null",
              peakRSS: Bool = true) -> Result<Timing, BenchFailure> {
        let log = "\(logs)/\(name).log"
        var seconds: [Double] = []
        for i in 0..<(warmups + runs) {
            let r = ProcessRun.run(argv, stdout: stdout, stderr: log)
            guard r.status == 0 else {
                return .failure(BenchFailure("`\(argv.dropFirst().prefix(2).joined(separator: " "))…` exited \(r.status): " + Self.lastLine(of: log)))
            }
            if i >= warmups { seconds.append(r.seconds) }
        }
        let rss = peakRSS ? RSSProbe.measure(argv, stdout: stdout, stderr: log, report: "\(logs)/\(name).rss") : nil
        return .success(Timing(seconds: seconds, peakRSS: rss.map { [$0] } ?? []))
    }

    /// Whether a command line succeeds (used to detect an nnviz subcommand or an importable Python module).
    func succeeds(_ argv: [String]) -> Bool {
        ProcessRun.run(argv).status == 0
    }

    /// Whether the nnviz binary has a subcommand: its help must show `USAGE: nnviz <name>` (an unknown subcommand
    /// makes the parser print the top-level help instead).
    func hasSubcommand(_ nnviz: String, _ name: String) -> Bool {
        let help = "\(logs)/help-\(name).txt"
        guard ProcessRun.run([nnviz, name, "--help"], stdout: help).status == 0,
              let text = try? String(contentsOfFile: help, encoding: .utf8) else { return false }
        return text.contains("USAGE: nnviz \(name)")
    }

    /// The last non-empty line of a log file, or a note that it was empty.
    static func lastLine(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.map(String.init) ?? "(no message on stderr)"
    }

    /// A file's size in bytes, if it exists.
    static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ path: String) -> (Int, Int)? {
        guard let h = FileManager.default.contents(atPath: path), h.count >= 24,
              h.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        let be = { (o: Int) in h[o..<(o + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }
}

/// Why a workload could not be measured, in one line.
struct BenchFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
