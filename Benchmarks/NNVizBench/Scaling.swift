import Foundation

/// `--scaling` (`make bench-scaling`): how each cost of nnviz grows with its input, for the README's Scale section.
/// Each cost is measured as whole release processes at a few sizes up to the largest input its limit allows
/// (median wall and CPU time of `runs`, peak RSS of one more run), fitted with a line, and written to
/// `scaling.md` with every point measured.
struct Scaling {
    let nnviz: String
    let out: String
    let inputs: BenchInputs
    let timer: CommandTimer
    let runs: Int

    /// One size of one cost: `x` in the cost's unit (edges, evaluations, samples, epoch × parameters).
    struct Point {
        let x: Double
        let timing: Timing
    }

    /// One cost: its points, what `x` counts, the limit, and the line fitted through the points.
    struct Cost {
        let name: String
        let unit: String
        let limit: String
        var points: [Point] = []
        var failures: [String] = []
    }

    /// Runs every sweep and returns the Markdown.
    func run() throws -> String {
        var costs: [Cost] = []
        costs.append(sweep(Cost(name: "`diagram --all` → PNG", unit: "edge", limit: "500,000 edges (`--max-edges`)"),
                           sizes: try [32, 64, 128, 256, 629].map { k in
            (Double(784 * k + k * 10), try spec("diagram-\(k)", sizes: [784, k, 10]), ["diagram", "SPEC", "--all", "-o", out + "/scale-diagram.png"])
        }))
        costs.append(sweep(Cost(name: "`diagram --all` → SVG", unit: "edge", limit: "250,000 edges (`--max-edges`)"),
                           sizes: try [32, 64, 128, 314].map { k in
            (Double(784 * k + k * 10), try spec("diagram-\(k)", sizes: [784, k, 10]), ["diagram", "SPEC", "--all", "-o", out + "/scale-diagram.svg"])
        }))
        costs.append(sweep(Cost(name: "`regions` 2→16→16→1 → PNG", unit: "grid point", limit: "16,000,000 evaluations (`--max-evaluations`)"),
                           sizes: [500, 1000, 2000, 4000].map { r in
            (Double(r * r), inputs.gridPath, ["regions", "SPEC", "--resolution", "\(r)", "-o", out + "/scale-regions.png"])
        }))
        costs.append(sweep(Cost(name: "`heatmap` 784→128→64→10 → PNG", unit: "sample",
                                limit: "50,000,000 batch values: \(Self.heatmapLimit) samples of 784 inputs"),
                           sizes: [256, 2048, 16384, Self.heatmapLimit].map { n in
            (Double(n), inputs.mnistPath, ["heatmap", "SPEC", "--random", "\(n)", "-o", out + "/scale-heatmap.png"])
        }))
        let epochs = 100, samples = 1000
        costs.append(sweep(Cost(name: "`train` 2→h→h→1 on moons:\(samples), full batch, \(epochs) epochs", unit: "epoch × parameter",
                                limit: "50,000,000 parameters (`--max-parameters`), 1,000,000 epochs"),
                           sizes: try [16, 32, 64, 96].map { h in
            let parameters = 2 * h + h + h * h + h + h + 1
            return (Double(epochs * parameters), try spec("train-\(h)", sizes: [2, h, h, 1], activations: ["tanh", "tanh", "sigmoid"]),
                    ["train", "SPEC", "--data", "moons:\(samples)", "--epochs", "\(epochs)", "--lr", "0.1", "-o", out + "/scale-train.json", "--quiet"])
        }))
        return Self.markdown(costs, samples: samples)
    }

    /// The largest `--random` batch of 784 inputs within the batch limit (50,000,000 values).
    static let heatmapLimit = 63775

    /// Writes a generated spec (`sizes`, seeded init) and returns its path.
    private func spec(_ name: String, sizes: [Int], activations: [String]? = nil) throws -> String {
        let acts = activations ?? (Array(repeating: "relu", count: sizes.count - 2) + ["softmax"])
        let path = inputs.directory + "/scale-\(name).json"
        let text = "{\"name\": \"\(name)\", \"sizes\": \(sizes), \"activations\": [\(acts.map { "\"\($0)\"" }.joined(separator: ", "))], "
            + "\"init\": {\"seed\": 1, \"scale\": 0.1, \"bias\": \"random\"}}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Times each size's command (SPEC replaced by its spec) and collects the points.
    private func sweep(_ cost: Cost, sizes list: [(Double, String, [String])]) -> Cost {
        var cost = cost
        for (x, path, args) in list {
            let argv = [nnviz] + args.map { $0 == "SPEC" ? path : $0 }
            let what = "  \(cost.name): \(Int(x)) \(cost.unit)s:"
            switch timer.time(TimedCommand(argv: argv, name: "scaling", runs: runs, warmups: 0)) {
            case .success(let t):
                cost.points.append(Point(x: x, timing: t))
                print(what + " " + t.summary)
            case .failure(let f):
                cost.failures.append("\(Int(x)): \(f.message)")
                print(what + " failed: \(f.message)")
            }
        }
        return cost
    }

    /// Least squares `y = a + b·x`.
    static func fit(_ xs: [Double], _ ys: [Double]) -> (a: Double, b: Double)? {
        let n = Double(xs.count)
        guard xs.count >= 2 else { return nil }
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxx = zip(xs, xs).map { ($0 - mx) * ($1 - mx) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        let b = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / sxx
        return (my - b * mx, b)
    }

    /// A per-unit amount in a readable unit: `8.1 µs`, `260 ns`; bytes as `B`, `kB`.
    static func perUnit(_ v: Double, seconds: Bool) -> String {
        if seconds {
            let ns = v * 1e9
            return ns >= 1000 ? String(format: "%.2f µs", ns / 1000) : ns >= 1 ? String(format: "%.1f ns", ns) : String(format: "%.2f ns", ns)
        }
        return v >= 1000 ? String(format: "%.1f kB", v / 1000) : String(format: "%.0f B", v)
    }

    static func markdown(_ costs: [Cost], samples: Int) -> String {
        var s = "Measured by `make bench-scaling`: whole release processes, median of 3 per size, a least-squares line "
            + "through the sizes (the largest is the limit's, or for training the largest tried).\n\n"
        s += "| cost | per unit: wall / CPU / memory | fixed part: wall, memory | sizes measured (wall, CPU, peak RSS) | limit |\n"
        s += "|---|---|---|---|---|\n"
        for c in costs {
            let xs = c.points.map(\.x)
            let wall = fit(xs, c.points.map(\.timing.median))
            let cpu = fit(xs, c.points.map { $0.timing.cpuMedian ?? 0 })
            let rssPoints = c.points.filter { $0.timing.peakRSSMB != nil }
            let mem = fit(rssPoints.map(\.x), rssPoints.map { $0.timing.peakRSSMB! * 1e6 })
            let per = [wall.map { perUnit($0.b, seconds: true) } ?? "—", cpu.map { perUnit($0.b, seconds: true) } ?? "—",
                       mem.map { perUnit($0.b, seconds: false) } ?? "—"].joined(separator: " / ")
            let fixed = (wall.map { Timing.format(Swift.max(0, $0.a)) } ?? "—") + ", " + (mem.map { String(format: "%.0f MB", $0.a / 1e6) } ?? "—")
            let sizes = c.points.map { p in
                "\(Self.count(p.x)): \(Timing.format(p.timing.median))" + (p.timing.cpuMedian.map { ", CPU " + Timing.format($0) } ?? "")
                    + (p.timing.peakRSSMB.map { String(format: ", %.0f MB", $0) } ?? "")
            } + c.failures.map { "failed \($0)" }
            s += "| \(c.name), per \(c.unit) | \(per) | \(fixed) | \(sizes.joined(separator: "; ")) | \(c.limit) |\n"
        }
        return s
    }

    /// 25,872 → `25.9k`, 16,000,000 → `16M`.
    static func count(_ x: Double) -> String {
        x >= 1e6 ? String(format: "%.3gM", x / 1e6) : x >= 1e3 ? String(format: "%.3gk", x / 1e3) : String(format: "%.0f", x)
    }
}
