import Foundation

/// Times command lines as whole processes: warm-up runs, then measured runs, each reaped with its own rusage.
struct CommandTimer {
    /// Where each command's stderr goes (`<logs>/<name>.log`), so a failure can be quoted.
    let logs: String

    /// Median/min/max over the command's runs after its warm-ups, then the peak RSS of one more run through
    /// `RSSProbe` (when asked), or the reason it could not be measured.
    func time(_ command: TimedCommand) -> Result<Timing, BenchFailure> {
        alternate([command])[0]
    }

    /// Times several commands in alternation: every warm-up first, then one measured run of each in turn until each
    /// has its runs, so load from other users of the machine falls on all of them alike. A command that fails is
    /// not run again; its result is the failure.
    func alternate(_ commands: [TimedCommand]) -> [Result<Timing, BenchFailure>] {
        var seconds = [[Double]](repeating: [], count: commands.count)
        var cpu = [[Double]](repeating: [], count: commands.count)
        var failures = [BenchFailure?](repeating: nil, count: commands.count)
        for (k, c) in commands.enumerated() {
            for _ in 0..<c.warmups where failures[k] == nil {
                if case .failure(let f) = once(c) { failures[k] = f }
            }
        }
        for i in 0..<(commands.map(\.runs).max() ?? 0) {
            for (k, c) in commands.enumerated() where i < c.runs && failures[k] == nil {
                switch once(c) {
                case .success(let t): seconds[k].append(t.seconds); cpu[k].append(t.cpuSeconds)
                case .failure(let f): failures[k] = f
                }
            }
        }
        return commands.indices.map { k in
            let c = commands[k]
            if let f = failures[k] { return .failure(f) }
            let rss = c.peakRSS
                ? RSSProbe.measure(c.argv, stdout: c.stdout, stderr: "\(logs)/\(c.name).log", report: "\(logs)/\(c.name).rss")
                : nil
            return .success(Timing(seconds: seconds[k], cpuSeconds: cpu[k], peakRSS: rss.map { [$0] } ?? []))
        }
    }

    /// One run's wall and CPU time, or why it failed (its exit status and the last line of its stderr).
    private func once(_ c: TimedCommand) -> Result<ProcessRun, BenchFailure> {
        let log = "\(logs)/\(c.name).log"
        let r = ProcessRun.run(c.argv, stdout: c.stdout, stderr: log)
        guard r.status == 0 else {
            return .failure(BenchFailure("`\(c.argv.dropFirst().prefix(2).joined(separator: " "))…` exited \(r.status): " + Self.lastLine(of: log)))
        }
        return .success(r)
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
