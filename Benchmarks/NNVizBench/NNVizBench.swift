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

    /// The helper mode of `RSSProbe` first, then the ordinary command line.
    static func main() {
        RSSProbe.runIfRequested()
        main(nil)
    }

    mutating func run() throws {
        setenv("MPLBACKEND", "Agg", 1)
        for dir in ["inputs", "out", "logs"] {
            try FileManager.default.createDirectory(atPath: "\(output)/\(dir)", withIntermediateDirectories: true)
        }
        let inputs = try BenchInputs(directory: output + "/inputs")
        let timer = CommandTimer(logs: output + "/logs")
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
        var results: [WorkloadResult] = []
        for workload in BenchSession.workloads where selected?.contains(workload.id) ?? true {
            var result = workload.run(session)
            workload.target.judge(&result)
            Report.printWorkload(result)
            results.append(result)
        }
        Report.printSummary(results)
        try Report.write(results, label: label, runs: runs, peerRuns: peerRuns, to: output)
        print("results: \(output)/results.json, \(output)/results.md")
    }
}
