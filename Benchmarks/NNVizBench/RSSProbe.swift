import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Measures one command's own peak RSS through a fresh, small helper process (this binary re-run with `flag`).
///
/// `wait4`'s `ru_maxrss` of a child spawned straight from the bench is wrong: `posix_spawn` starts the child on
/// the bench's own address space (vfork), and Linux keeps that space's high-water mark when the child execs, so
/// every command would report the bench's peak (hundreds of MB after the in-process workloads). The helper has
/// just exec'd, resets its own high-water mark, spawns the command and reports the command's `ru_maxrss`.
enum RSSProbe {
    static let flag = "--rss-probe"

    /// In the helper (`nnviz-bench --rss-probe REPORT STDOUT STDERR argv…`): runs argv, writes its peak RSS in
    /// bytes to REPORT and exits with its status. Returns at once in the ordinary bench.
    static func runIfRequested() {
        let args = CommandLine.arguments
        guard args.count > 5, args[1] == flag else { return }
        // "5" resets this process's peak RSS to its current RSS (Linux ≥ 4.0), the floor the child inherits.
        if let f = fopen("/proc/self/clear_refs", "w") {
            fputs("5", f)
            fclose(f)
        }
        let r = ProcessRun.run(Array(args[5...]), stdout: args[3], stderr: args[4])
        if let f = fopen(args[2], "w") {
            fputs("\(r.peakRSS)\n", f)
            fclose(f)
        }
        exit(r.status)
    }

    /// Runs `argv` once through the helper and returns its peak RSS in bytes, or nil when it failed.
    static func measure(_ argv: [String], stdout: String, stderr: String, report: String) -> Int? {
        unlink(report)
        let r = ProcessRun.run(["/proc/self/exe", flag, report, stdout, stderr] + argv)
        guard r.status == 0, let text = try? String(contentsOfFile: report, encoding: .utf8) else { return nil }
        return Int(text.filter(\.isNumber))
    }
}
