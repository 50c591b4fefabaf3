import Foundation

/// Prints results as they come and writes `results.json` (every run's numbers) and `results.md` (the table the
/// README's performance section shows).
enum Report {
    static func printWorkload(_ r: WorkloadResult) {
        print("\n[\(r.id)] \(r.title)")
        if let t = r.nnviz { print("  nnviz   " + t.summary) }
        if let note = r.nnvizNote { print("          " + note) }
        if let t = r.peer {
            print("  peer    " + t.summary + (r.ratio.map { String(format: "   → peer/nnviz %.1f×", $0) } ?? ""))
        }
        if let note = r.peerNote { print("          " + note) }
        if r.references[cairoReference] == nil {
            print("  \(cairoReference): none (the plain-Cairo reference strokes the dense diagram's edges only)")
        }
        for (name, t) in r.references.sorted(by: { $0.key < $1.key }) {
            let vs = r.nnviz.map { String(format: "   → %@/nnviz %.1f×", name, t.median / $0.median) } ?? ""
            print("  \(name): " + t.summary + vs)
        }
        var sizes: [String] = []
        if let b = r.fileBytes { sizes.append("nnviz " + bytes(b)) }
        if let b = r.peerFileBytes { sizes.append("peer " + bytes(b)) }
        if let b = r.referenceFileBytes { sizes.append("cairo-strokes " + bytes(b)) }
        if !sizes.isEmpty { print("  files   " + sizes.joined(separator: ", ")) }
        print("  target  \(r.target) — \(r.verdict)")
    }

    /// The key of the plain-Cairo stroking reference in `WorkloadResult.references`.
    static let cairoReference = "cairo-strokes"

    static func printSummary(_ results: [WorkloadResult]) {
        print("\n" + table(results))
        let missed = results.filter { $0.met == false }.map(\.id)
        let unjudged = results.filter { $0.met == nil }.map(\.id)
        print("targets: \(results.filter { $0.met == true }.count) met, \(missed.count) short"
              + (missed.isEmpty ? "" : " (\(missed.joined(separator: ", ")))")
              + (unjudged.isEmpty ? "" : ", \(unjudged.count) not judged (\(unjudged.joined(separator: ", ")))"))
    }

    /// A Markdown table: workload, nnviz median, peer median, both ratios, target, verdict.
    static func table(_ results: [WorkloadResult]) -> String {
        var s = "| workload | nnviz median (min–max) | peak RSS | peer median | peer/nnviz | Cairo ref/nnviz | target | result |\n"
        s += "|---|---|---|---|---|---|---|---|\n"
        for r in results {
            let mine = r.nnviz.map { "\(Timing.format($0.median)) (\(Timing.format($0.min))–\(Timing.format($0.max)))" }
                ?? (r.nnvizNote ?? "—")
            let rss = r.nnviz?.peakRSSMB.map { String(format: "%.0f MB", $0) } ?? "—"
            let theirs = r.peer.map { Timing.format($0.median) } ?? "—"
            let ratio = r.ratio.map { String(format: "%.1f×", $0) } ?? "—"
            var cairo = "—"
            if let ref = r.references[cairoReference], let t = r.nnviz, t.median > 0 {
                cairo = String(format: "%.1f×", ref.median / t.median)
            }
            // The verdict's own words carry the measured ratio: "MET: 3.1× vs ≤ 4.0×".
            let words = r.verdict.split(separator: ":", maxSplits: 1).dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let verdict = (r.met == true ? "met" : r.met == false ? "**short**" : "not judged") + (words.isEmpty ? "" : ": " + words)
            s += "| \(r.id) | \(mine) | \(rss) | \(theirs) | \(ratio) | \(cairo) | \(r.target) | \(verdict) |\n"
        }
        return s
    }

    static func bytes(_ b: Int) -> String {
        b >= 1_000_000 ? String(format: "%.1f MB", Double(b) / 1e6) : String(format: "%.0f kB", Double(b) / 1e3)
    }

    /// The whole run as JSON (with the machine and the date) and the table as Markdown.
    static func write(_ results: [WorkloadResult], label: String, runs: Int, peerRuns: Int, to dir: String) throws {
        struct Run: Encodable {
            let date: String, label: String, machine: String, cores: Int, runs: Int, peerRuns: Int
            let workloads: [WorkloadResult]
        }
        var u = utsname()
        uname(&u)
        let machine = [u.sysname, u.release, u.machine].map { field in
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }.joined(separator: " ")
        let run = Run(date: ISO8601DateFormatter().string(from: Date()), label: label, machine: machine,
                      cores: ProcessInfo.processInfo.activeProcessorCount, runs: runs, peerRuns: peerRuns, workloads: results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(run).write(to: URL(fileURLWithPath: dir + "/results.json"), options: .atomic)
        try table(results).write(toFile: dir + "/results.md", atomically: true, encoding: .utf8)
    }
}
