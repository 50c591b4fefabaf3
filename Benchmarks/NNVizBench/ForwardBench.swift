import NNVizEngine

/// The engine-only workload: 1,000,000 two-input samples (a 1000×1000 grid over [-0.5, 1.5]², as the NumPy peer
/// builds it) through the 2→16→16→1 network, timed in this process; building the grid is not timed.
struct ForwardBench {
    let network: Network
    let resolution: Int

    /// The grid as a `resolution² × 2` batch, row-major with x varying fastest (NumPy's `meshgrid` + `ravel`).
    func grid() throws -> Matrix {
        let n = resolution
        var data = [Double](repeating: 0, count: n * n * 2)
        let step = 2.0 / Double(n - 1)
        for r in 0..<n {
            for c in 0..<n {
                data[(r * n + c) * 2] = c == n - 1 ? 1.5 : -0.5 + Double(c) * step
                data[(r * n + c) * 2 + 1] = r == n - 1 ? 1.5 : -0.5 + Double(r) * step
            }
        }
        return try Matrix(rows: n * n, cols: 2, data: data)
    }

    /// Times `Network.outputs` (tiled, every core) over `runs` runs after one warm-up, and checks once that it
    /// equals `Network.forward`'s output bit for bit. Also times `forward` itself, for comparison.
    func run(runs: Int, forwardRuns: Int) throws -> (batched: Timing, forward: Timing, identical: Bool, checksum: Double) {
        let batch = try grid()
        var fast = try network.outputs(batch)
        var times: [Double] = []
        for _ in 0..<runs {
            let t = ProcessRun.now()
            fast = try network.outputs(batch)
            times.append(ProcessRun.now() - t)
        }
        var plain = try network.forward(batch).output
        var plainTimes: [Double] = []
        for _ in 0..<forwardRuns {
            let t = ProcessRun.now()
            plain = try network.forward(batch).output
            plainTimes.append(ProcessRun.now() - t)
        }
        return (Timing(seconds: times), Timing(seconds: plainTimes), fast == plain, fast.data.reduce(0, +))
    }
}
