import Foundation
import NNVizEngine

/// Everything one `make bench` run shares — the binaries, the inputs, the run counts — and the workloads of
/// issue 5, each timing nnviz and its peer in alternating runs so their ratio comes from the same conditions.
struct BenchSession {
    let nnviz: String
    /// `nil` when the peers cannot run.
    let python: String?
    let peerNote: String
    let peers: String
    let out: String
    let inputs: BenchInputs
    let timer: CommandTimer
    let runs: Int
    let peerRuns: Int

    /// In the order they run: quick ones first, the 4000² memory run last.
    static var workloads: [Workload] {
        [
            Workload(id: "startup", title: "start-up: `nnviz summary xor` (CPU time, user + system)", target: .cpuAtMost(0.010)) { s, r in
                s.pair(&r, ["summary", "xor"], runs: Swift.max(30, s.runs), warmups: 3,
                       peer: ["-c", "import matplotlib.pyplot"], note: "peer: `import matplotlib.pyplot` alone")
            },
            Workload(id: "forward", title: "engine: 10⁶ two-input samples through 2→16→16→1 (in process)",
                     target: .faster(than: 2)) { s, r in s.forward(&r) },
            Workload(id: "diagram-png", title: "`diagram` 784→128→64→10 `--all` → PNG (109,184 edges)",
                     target: .faster(than: 18)) { s, r in s.diagram(&r, ext: "png") },
            Workload(id: "diagram-svg", title: "`diagram` 784→128→64→10 `--all` → SVG",
                     target: .faster(than: 10, smallerFile: true)) { s, r in s.diagram(&r, ext: "svg") },
            Workload(id: "regions", title: "`regions` 2→16→16→1 tanh/sigmoid, 1000×1000 evaluations → PNG",
                     target: .faster(than: 10)) { s, r in
                let png = s.out + "/regions.png"
                s.pair(&r, ["regions", s.inputs.gridPath, "-o", png, "--resolution", "1000"], file: png,
                       peer: [s.peers + "/regions.py", s.inputs.gridPath, "-o", s.out + "/peer-regions.png", "--resolution", "1000"],
                       peerFile: s.out + "/peer-regions.png")
            },
            Workload(id: "heatmap", title: "`heatmap` 784→128→64→10 over 256 samples (JSON spec + CSV batch) → PNG",
                     target: .faster(than: 20)) { s, r in
                let png = s.out + "/heatmap.png"
                s.pair(&r, ["heatmap", s.inputs.mnistPath, "--batch", s.inputs.batchPath, "-o", png], file: png,
                       peer: [s.peers + "/heatmap.py", s.inputs.mnistPath, "--batch", s.inputs.batchPath, "-o", s.out + "/peer-heatmap.png"],
                       peerFile: s.out + "/peer-heatmap.png")
                s.engineLoad(&r, batch: true)
            },
            Workload(id: "train-xor", title: "`train` xor-train 3000 epochs, 8 snapshots, --figures (end to end)",
                     target: .faster(than: 10)) { s, r in s.trainXOR(&r) },
            Workload(id: "train-loop", title: "training loop alone: 2→16→16→1 on moons, batches of 16, 300 epochs (in process)",
                     target: .faster(than: 20)) { s, r in s.trainLoop(&r) },
            Workload(id: "regions-memory", title: "memory: `regions` at 4000×4000 evaluations → PNG",
                     target: .peakRSSAtMost(150e6)) { s, r in
                let png = s.out + "/regions-4000.png"
                s.pair(&r, ["regions", s.inputs.gridPath, "-o", png, "--resolution", "4000"], runs: Swift.min(3, s.runs), file: png,
                       peer: nil)
                r.peerNote = "not run: the NumPy way holds 16M×16 doubles per layer (gigabytes)"
            },
        ] + issue14Workloads + importWorkloads
    }

    /// Times `nnviz mine…` (if its subcommand exists) and the peer `python theirs…` (if the peers can run) in
    /// alternation; records both output files' sizes and the ratio peer/nnviz.
    func pair(_ r: inout WorkloadResult, _ mine: [String], runs: Int? = nil, warmups: Int = 1, file: String? = nil,
              peer theirs: [String]?, peerRuns: Int? = nil, peerFile: String? = nil, note: String? = nil) {
        var commands: [TimedCommand] = []
        if timer.hasSubcommand(nnviz, mine[0]) {
            commands.append(TimedCommand(argv: [nnviz] + mine, name: r.id, runs: runs ?? self.runs, warmups: warmups))
        } else {
            r.nnvizNote = "not available: `nnviz \(mine[0])` is not in this build"
        }
        if let theirs {
            if let python {
                commands.append(TimedCommand(argv: [python] + theirs, name: "peer-" + r.id, runs: peerRuns ?? self.peerRuns))
            } else {
                r.peerNote = peerNote
            }
        }
        for (c, result) in zip(commands, timer.alternate(commands)) {
            let isPeer = c.name != r.id
            switch result {
            case .success(let t):
                if isPeer { r.peer = t; r.peerNote = note } else { r.nnviz = t }
            case .failure(let f):
                if isPeer { r.peerNote = "failed: " + f.message } else { r.nnvizNote = "failed: " + f.message }
            }
        }
        if let file, r.nnviz != nil { r.fileBytes = CommandTimer.fileSize(file) }
        if let peerFile, r.peer != nil { r.peerFileBytes = CommandTimer.fileSize(peerFile) }
        if let mine = r.nnviz, let theirs = r.peer, mine.median > 0 { r.ratio = theirs.median / mine.median }
    }

    /// The dense diagram to PNG or SVG, its peer at the same pixel size, and the plain-Cairo reference.
    func diagram(_ r: inout WorkloadResult, ext: String) {
        let file = "\(out)/diagram.\(ext)", peerFile = "\(out)/peer-diagram.\(ext)"
        // Match the peer and the reference to nnviz's own PNG size, from one PNG render first.
        let sizing = "\(out)/diagram-size.png"
        _ = ProcessRun.run([nnviz, "diagram", inputs.mnistPath, "-o", sizing, "--all"])
        let (w, h) = CommandTimer.pngSize(sizing) ?? (1400, 1800)
        r.title += " at \(w)×\(h)"
        pair(&r, ["diagram", inputs.mnistPath, "-o", file, "--all"], file: file,
             peer: ["\(peers)/diagram.py", inputs.mnistPath, "-o", peerFile, "--width", "\(w)", "--height", "\(h)"],
             peerRuns: ext == "svg" ? Swift.max(1, peerRuns - 1) : peerRuns, peerFile: peerFile)
        if ext == "png" {
            engineLoad(&r, batch: false)
            stages(&r, ["diagram", inputs.mnistPath, "-o", file, "--all"])
        }
        let reference = CairoReference(network: inputs.mnist, width: w, height: h)
        var totals: [Double] = []
        // Repeated like a peer, but a single run when it takes more than 5 s (Cairo has no start-up to warm).
        for _ in 0..<Swift.max(1, peerRuns - 1) where (totals.last ?? 0) < 5 {
            let path = "\(out)/cairo-reference.\(ext)"
            totals.append(ext == "png" ? reference.renderPNG(to: path).total : reference.renderSVG(to: path).total)
        }
        r.references[Report.cairoReference] = Timing(seconds: totals)
        if ext == "svg" { r.referenceFileBytes = CommandTimer.fileSize("\(out)/cairo-reference.svg") }
    }

    /// One more run with `NNVIZ_TIMING=1`: its stage lines (parse, layout, raster, encode, write) go into the note.
    func stages(_ r: inout WorkloadResult, _ mine: [String]) {
        let log = timer.logs + "/\(r.id)-stages.log"
        setenv("NNVIZ_TIMING", "1", 1)
        let run = ProcessRun.run([nnviz] + mine, stderr: log)
        unsetenv("NNVIZ_TIMING")
        guard run.status == 0, let text = try? String(contentsOfFile: log, encoding: .utf8) else { return }
        let stages = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("nnviz timing: ") else { return nil }
            return String(line.dropFirst("nnviz timing: ".count))
        }
        if !stages.isEmpty { r.nnvizNote = (r.nnvizNote.map { $0 + "; " } ?? "") + "stages (one run): " + stages.joined(separator: ", ") }
    }

    /// In this process, the engine's share of a figure command: loading the 784 spec (and the CSV batch with its
    /// forward pass), printed beside the workload so the rest of nnviz's time is visibly drawing and writing.
    func engineLoad(_ r: inout WorkloadResult, batch: Bool) {
        var times: [Double] = []
        do {
            for _ in 0..<(runs + 1) {
                let t = ProcessRun.now()
                let net = try NetworkResolver.resolve(inputs.mnistPath)
                if batch { _ = try net.forward(SampleLoader.load(path: inputs.batchPath, for: net)) }
                times.append(ProcessRun.now() - t)
            }
            r.references[batch ? "engine load+forward" : "engine spec load"] = Timing(seconds: Array(times.dropFirst()))
        } catch {
            r.nnvizNote = (r.nnvizNote.map { $0 + "; " } ?? "") + "engine could not load the inputs: \(error)"
        }
    }

    /// The engine-only forward pass, in this process, against the NumPy peer timing only its own pass.
    func forward(_ r: inout WorkloadResult) {
        let bench = ForwardBench(network: inputs.grid, resolution: 1000)
        do {
            let m = try bench.run(runs: runs, forwardRuns: Swift.max(1, runs / 2))
            r.nnviz = m.batched
            r.references["Network.forward"] = m.forward
            r.nnvizNote = (m.identical ? "Network.outputs equals Network.forward bit for bit" : "MISMATCH between outputs and forward")
                + String(format: "; output sum %.9f", m.checksum)
        } catch {
            r.nnvizNote = "failed: \(error)"
        }
        guard let python else {
            r.peerNote = peerNote
            return
        }
        selfTimedPeer(&r, [python, "\(peers)/forward.py", inputs.gridPath, "--runs", "\(runs)"], name: "peer-forward") {
            String(format: "NumPy pass only, import excluded; output sum %.9f", $0)
        }
    }

    /// Runs a peer that times its own work and prints `{"seconds": [...], "checksum": x}`, and records its timing,
    /// a note made from the checksum, and the ratio to nnviz's timing already in `r`.
    func selfTimedPeer(_ r: inout WorkloadResult, _ argv: [String], name: String, note: (Double) -> String) {
        let json = "\(out)/\(name).json"
        switch timer.time(TimedCommand(argv: argv, name: name, runs: 1, warmups: 0, stdout: json, peakRSS: false)) {
        case .success:
            struct PeerTimes: Decodable { let seconds: [Double]; let checksum: Double }
            if let data = FileManager.default.contents(atPath: json), let t = try? JSONDecoder().decode(PeerTimes.self, from: data) {
                let theirs = Timing(seconds: t.seconds)
                r.peer = theirs
                r.peerNote = note(t.checksum)
                if let mine = r.nnviz, mine.median > 0 { r.ratio = theirs.median / mine.median }
            } else {
                r.peerNote = "failed: unreadable peer output \(json)"
            }
        case .failure(let f): r.peerNote = "failed: " + f.message
        }
    }
}
