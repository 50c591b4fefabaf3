import Foundation

/// The workloads of issue 14 (performance without cliffs): each is nnviz against nnviz — the same figure with
/// and without the costly part, timed alternately — or a peak-memory bound.
extension BenchSession {
    static var issue14Workloads: [Workload] {
        [
            Workload(id: "parse-17-digits", title: "`summary` of the 784→128→64→10 spec written with 17 significant digits (2.4 MB)",
                     target: .timesAtMost(4, of: "`summary xor`")) { s, r in
                s.relative(&r, ["summary", s.inputs.mnist17Path], baseline: ["summary", "xor"], runs: Swift.max(10, s.runs))
            },
            Workload(id: "edge-cliff", title: "`diagram --all` 45→44 (1,980 edges) against 45→45 (2,025 edges) → PNG",
                     target: .timesAtMost(1.3, of: "45→45")) { s, r in
                s.relative(&r, ["diagram", s.inputs.net4544Path, "--all", "-o", s.out + "/cliff-1980.png"],
                           baseline: ["diagram", s.inputs.net4545Path, "--all", "-o", s.out + "/cliff-2025.png"],
                           runs: Swift.max(10, s.runs))
            },
            Workload(id: "weight-labels", title: "`diagram` 784→128→64→10 `--all --weights` against the same without `--weights` → PNG",
                     target: .timesAtMost(4, of: "without `--weights`")) { s, r in
                s.relative(&r, ["diagram", s.inputs.mnistPath, "--all", "--weights", "-o", s.out + "/diagram-weights.png"],
                           baseline: ["diagram", s.inputs.mnistPath, "--all", "-o", s.out + "/diagram-no-weights.png"],
                           runs: Swift.min(3, s.runs))
            },
            Workload(id: "png-scale-8-memory", title: "memory: `diagram` 784→128→64→10 `--all --scale 8` → PNG",
                     target: .peakRSSAtMost(450e6)) { s, r in
                let png = s.out + "/diagram-scale8.png"
                s.pair(&r, ["diagram", s.inputs.mnistPath, "--all", "--scale", "8", "-o", png], runs: Swift.min(3, s.runs),
                       file: png, peer: nil)
            },
            // Streamed since 2026-12-02 (186 → 173 MB; PDF 148 MB): what remains is Cairo's own recording of the
            // page (~1 KB a stroke, 115 MB for the 109k edges) and, for SVG, its in-memory page (~34 MB).
            Workload(id: "svg-memory", title: "memory: `diagram` 784→128→64→10 `--all` → SVG",
                     target: .peakRSSAtMost(180e6)) { s, r in
                let svg = s.out + "/diagram-memory.svg"
                s.pair(&r, ["diagram", s.inputs.mnistPath, "--all", "-o", svg], runs: Swift.min(3, s.runs), file: svg, peer: nil)
            },
            Workload(id: "pdf-memory", title: "memory: `diagram` 784→128→64→10 `--all` → PDF",
                     target: .peakRSSAtMost(155e6)) { s, r in
                let pdf = s.out + "/diagram-memory.pdf"
                s.pair(&r, ["diagram", s.inputs.mnistPath, "--all", "-o", pdf], runs: Swift.min(3, s.runs), file: pdf, peer: nil)
            },
        ]
    }

    /// Times `nnviz mine…` and `nnviz baseline…` alternately and records mine / baseline (`WorkloadResult.times`);
    /// the baseline's timing is kept among the references.
    func relative(_ r: inout WorkloadResult, _ mine: [String], baseline: [String], runs: Int) {
        let commands = [TimedCommand(argv: [nnviz] + mine, name: r.id, runs: runs),
                        TimedCommand(argv: [nnviz] + baseline, name: r.id + "-baseline", runs: runs, peakRSS: false)]
        let results = timer.alternate(commands)
        switch (results[0], results[1]) {
        case (.success(let t), .success(let b)):
            r.nnviz = t
            r.references["baseline: nnviz " + baseline.prefix(2).joined(separator: " ")] = b
            if b.median > 0 { r.times = t.median / b.median }
        case (.failure(let f), _), (_, .failure(let f)):
            r.nnvizNote = "failed: " + f.message
        }
    }
}
