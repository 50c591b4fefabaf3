import ArgumentParser
import Foundation

/// `make bench`: times nnviz's figure commands and engine against NumPy + matplotlib peers and a plain-Cairo
/// reference, prints each workload with its ratio and target, and writes `results.json` and `results.md`.
@main
struct NNVizBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnviz-bench",
        abstract: "Benchmarks nnviz against NumPy + matplotlib peers and a plain-Cairo reference (issue 5)."
    )

    @Option(help: "The nnviz binary to time (build it in release mode).")
    var nnviz = ".build/release/nnviz"

    @Option(help: "The Python interpreter for the peers (a real interpreter, not a shim, for fair start-up times).")
    var python = "python3"

    @Option(help: "Folder of the Python peers.")
    var peers = "Benchmarks/peers"

    @Option(help: "Folder for inputs, outputs, logs and results.")
    var output = "output/bench"

    @Option(help: "Measured runs per nnviz workload (after one warm-up).")
    var runs = 5

    @Option(help: "Measured runs per (slow) peer workload (after one warm-up).")
    var peerRuns = 3

    @Option(help: "Comma-separated workload ids to run (default: all).")
    var only: String?

    @Flag(help: "Skip the Python peers.")
    var noPeers = false

    @Option(help: "A label stored with the results, e.g. the git commit.")
    var label = ""

    @Flag(help: "Measure how each cost grows with its input (edges, grid points, samples, epochs × parameters) and write <output>/scaling.md instead of the workloads.")
    var scaling = false

    @Option(help: ArgumentHelp("Put the table of the last run (<output>/README-table.md) between the bench-table markers of this README (and <output>/scaling.md, if there, between the scale-table markers), and run nothing.",
                               valueName: "README.md"))
    var spliceReadme: String?

    /// The helper mode of `RSSProbe` first, then the ordinary command line.
    static func main() {
        RSSProbe.runIfRequested()
        main(nil)
    }

    mutating func run() throws {
        if let readme = spliceReadme {
            let table = try String(contentsOfFile: output + "/README-table.md", encoding: .utf8)
            try ReadmeTable.splice(table, into: readme)
            print("\(readme): performance table replaced by \(output)/README-table.md")
            if let scale = try? String(contentsOfFile: output + "/scaling.md", encoding: .utf8) {
                try ReadmeTable.splice(scale, into: readme, name: "scale-table")
                print("\(readme): scale table replaced by \(output)/scaling.md")
            }
            return
        }
        setenv("MPLBACKEND", "Agg", 1)
        for dir in ["inputs", "out", "logs"] {
            try FileManager.default.createDirectory(atPath: "\(output)/\(dir)", withIntermediateDirectories: true)
        }
        let inputs = try BenchInputs(directory: output + "/inputs")
        let timer = CommandTimer(logs: output + "/logs")
        if scaling {
            print("nnviz scaling: \(nnviz), median of \(Swift.min(runs, 3)) runs per size after a warm-up")
            let table = try Scaling(nnviz: nnviz, out: output + "/out", inputs: inputs, timer: timer, runs: Swift.min(runs, 3)).run()
            try table.write(toFile: output + "/scaling.md", atomically: true, encoding: .utf8)
            print("\n" + table + "\nwritten: \(output)/scaling.md")
            return
        }
        let peerAvailable = !noPeers && timer.succeeds([python, "-c", "import numpy, matplotlib"])
        guard runs > 0, peerRuns > 0 else { throw ValidationError("--runs and --peer-runs must be at least 1") }
        let session = BenchSession(
            nnviz: nnviz, python: peerAvailable ? python : nil,
            peerNote: noPeers ? "peers skipped (--no-peers)" : "\(python) cannot import numpy and matplotlib",
            peers: peers, out: output + "/out", inputs: inputs, timer: timer, runs: runs, peerRuns: peerRuns)
        let selected = only.map { Set($0.split(separator: ",").map(String.init)) }
        print("nnviz bench: \(nnviz), \(runs) runs (peers \(peerRuns)) after a warm-up, nnviz and peer alternating; "
              + (peerAvailable ? "peers: \(python)" : "no peers: \(session.peerNote)"))
        let floor = RSSProbe.measure(["/bin/true"], stdout: "/dev/null", stderr: "/dev/null", report: output + "/logs/true.rss")
        print("peak RSS: one extra run per command through a helper process"
              + (floor.map { String(format: " (floor: /bin/true measures %.1f MB)", Double($0) / 1e6) } ?? " (helper failed: no RSS)"))
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        let run = day.string(from: Date()) + (label.isEmpty ? "" : " at `\(label)`")
        var results: [WorkloadResult] = []
        for workload in BenchSession.workloads where selected?.contains(workload.id) ?? true {
            var result = workload.run(session)
            result.run = run
            workload.target.judge(&result)
            Report.printWorkload(result)
            results.append(result)
        }
        Report.printSummary(results)
        try Report.write(results, label: label, runs: runs, peerRuns: peerRuns, to: output)
        let rows = ReadmeTable.merge(results, previous: output + "/README-rows.json", order: BenchSession.workloads.map(\.id))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(rows).write(to: URL(fileURLWithPath: output + "/README-rows.json"), options: .atomic)
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(runs) runs (peers \(peerRuns)) after a warm-up, median wall time"
        try ReadmeTable.markdown(rows, run: run, conditions: machine).write(toFile: output + "/README-table.md", atomically: true, encoding: .utf8)
        print("results: \(output)/results.json, \(output)/results.md; README table: \(output)/README-table.md (make bench-readme splices it)")
    }
}
