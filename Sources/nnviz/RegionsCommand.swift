import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz regions NET -o FILE [--data F] [--resolution N] [--max-evaluations N] [--x-range a:b] [--y-range a:b] [--neurons] [--slice v,…] [--axes i,j]`.
struct RegionsCommand: FigureCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "Shade the plane of two inputs by the network's output, with the decision boundary and labelled data.")

    @OptionGroup var network: NetworkOptions

    @Option(help: ArgumentHelp("Points to overlay: .csv (last column the class), .json {\"x\": [[…]], \"y\": […]}, or a bundled set (xor, moons:300, …).",
                               valueName: "file"))
    var data: String?

    @Option(name: .customLong("data-seed"), help: "Seed for generated datasets such as moons:300 (0…4294967295).")
    var dataSeed: UInt32 = 0

    @Option(name: .customLong("max-points"), help: "Refuse --data sets of more points than this (each is drawn).")
    var maxPoints = LoadLimits.defaultMaxPoints

    @Option(help: "Grid evaluations per side, at least 2 (default: one per plot pixel, within --max-evaluations).")
    var resolution: Int?

    @Option(name: .customLong("max-evaluations"),
            help: "Refuse grids of more evaluations than this (resolution²; 4000 × 4000 by default).")
    var maxEvaluations = GridLimit.defaultMaxEvaluations

    @Option(name: .customLong("x-range"), parsing: .unconditional, help: ArgumentHelp("Range of the horizontal input, e.g. -1:2.", valueName: "a:b"))
    var xRange: String?

    @Option(name: .customLong("y-range"), parsing: .unconditional, help: ArgumentHelp("Range of the vertical input, e.g. -1:2.", valueName: "a:b"))
    var yRange: String?

    @Flag(help: "Add a small plot of every hidden neuron's activation over the same plane.")
    var neurons = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Values of the other inputs (default 0): one per other input, or one per input.", valueName: "values"))
    var slice: String?

    @Option(help: ArgumentHelp("The two inputs that vary, 1-based, e.g. 3,4 (default 1,2).", valueName: "i,j"))
    var axes: String?

    @OptionGroup var figure: FigureCommandOptions

    @Flag(help: "No progress bar (shown on a terminal for grids of a million evaluations or more).")
    var quiet = false

    func validate() throws {
        try PathArgument.require(data, "--data")
        if let resolution, resolution < 2 { throw ValidationError("--resolution must be at least 2, got \(resolution)") }
        guard maxPoints >= 1 else { throw ValidationError("--max-points must be at least 1, got \(maxPoints)") }
        guard maxEvaluations >= 4 else { throw ValidationError("--max-evaluations must be at least 4 (a 2 × 2 grid), got \(maxEvaluations)") }
    }

    /// Comma-separated finite numbers.
    static func numbers(_ text: String, option: String) throws(NNVizError) -> [Double] {
        var out: [Double] = []
        for (i, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let s = String(part).trimmingCharacters()
            guard let v = DecimalNumber.finite(s) else { throw NNVizError(option, "item \(i + 1)", "'\(s)' is not a finite number") }
            out.append(v)
        }
        return out
    }

    /// `--axes i,j` (1-based, default 1,2) as 0-based inputs and `--slice` as one value per input (0 where not given):
    /// the slice lists the inputs off the axes, or every input.
    static func plane(axes: String?, slice: String?, inputCount n: Int) throws(NNVizError) -> (axes: (Int, Int), slice: [Double]) {
        var ax = (0, 1)
        if let axes {
            let v = try numbers(axes, option: "--axes")
            guard v.count == 2, v.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 <= Double(n) }), v[0] != v[1] else {
                throw NNVizError("--axes", "", "needs two different input numbers between 1 and \(n), e.g. 1,2")
            }
            ax = (Int(v[0]) - 1, Int(v[1]) - 1)
        }
        var base = [Double](repeating: 0, count: n)
        if let slice {
            let v = try numbers(slice, option: "--slice")
            let others = (0..<n).filter { $0 != ax.0 && $0 != ax.1 }
            if v.count == n {
                base = v
            } else if v.count == others.count {
                for (k, i) in others.enumerated() { base[i] = v[k] }
            } else {
                throw NNVizError("--slice", "", "has \(v.count) values; give \(others.count) (the inputs not on the axes) or \(n)")
            }
        }
        return (ax, base)
    }

    /// `a:b` with a < b.
    static func range(_ text: String, option: String) throws(NNVizError) -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingCharacters() }
        guard parts.count == 2, let a = DecimalNumber.finite(parts[0]), let b = DecimalNumber.finite(parts[1]) else {
            throw NNVizError(option, "", "'\(text)' is not a range a:b of two numbers, e.g. -1:2")
        }
        guard a < b else { throw NNVizError(option, "", "'\(text)' is empty; the start must be below the end") }
        guard (b - a).isFinite else { throw NNVizError(option, "", "'\(text)' is wider than a number can hold; narrow it") }
        return a...b
    }

    func build() throws -> BuiltFigure {
        try figure.checkFormat()
        if let resolution { try GridLimit.check(resolution: resolution, limit: maxEvaluations, source: "--resolution") }
        let net = try network.load()
        try RegionPlot.checkInputs(net, source: network.net)
        let (ax, base) = try Self.plane(axes: axes, slice: slice, inputCount: net.inputCount)
        var labelled: Dataset?
        if let data {
            var limits = network.limits
            limits.maxPoints = maxPoints
            let d = try Dataset.resolve(data, seed: dataSeed, limits: limits)
            try RegionPlot.checkDataset(d, for: net, source: data)
            labelled = d
        }
        let xr = try xRange.map { t throws(NNVizError) in try Self.range(t, option: "--x-range") }
        let yr = try yRange.map { t throws(NNVizError) in try Self.range(t, option: "--y-range") }
        let options = RegionOptions(figure: figure.figure, neurons: neurons)
        let n = resolution ?? options.defaultResolution(scale: figure.scale, maxEvaluations: maxEvaluations)
        let progress = n * n >= 1_000_000 ? ProgressBar(total: n, unit: "grid rows", quiet: quiet) : nil
        let plot: RegionPlot
        do {
            plot = try RegionPlot.make(network: net, dataset: labelled, xRange: xr, yRange: yr, axes: ax, slice: base,
                                       resolution: n, options: options, networkSource: network.net, dataSource: data) { done, _ in
                progress?.update(done)
            }
        } catch {
            progress?.finish()  // the bar is drawn from the start; clear it before the error is printed
            throw error
        }
        progress?.finish()
        return BuiltFigure(figure: plot, text: FigureText.regions(plot, datasetName: labelled?.name))
    }
}
