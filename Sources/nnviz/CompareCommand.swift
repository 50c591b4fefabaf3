import ArgumentParser
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz compare NET NET… -o FILE [--data D] [--resolution N] [--x-range a:b] [--y-range a:b] [--neurons]`: several
/// networks' decision regions side by side on one plane and colour scale, each titled with its name, shape and accuracy;
/// with `--neurons` a row per network, its hidden neurons' regions small beside its output.
struct CompareCommand: FigureCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Draw several networks' decision regions side by side on one plane, titled with shape and accuracy on --data.")

    @Argument(help: "Two or more networks: bundled examples or spec, .npz, .pt or .safetensors files.")
    var nets: [String]

    @Option(help: ArgumentHelp("Points to overlay and score each network on: a bundled set (xor, moons:300, …), .csv or .json.",
                               valueName: "file"))
    var data: String?

    @Option(name: .customLong("data-seed"), help: "Seed for generated datasets such as moons:300 (0…4294967295).")
    var dataSeed = 0

    @Option(help: "Grid evaluations per panel side, at least 2 (default 240).")
    var resolution = 240

    @Option(name: .customLong("x-range"), help: ArgumentHelp("Range of the horizontal input, e.g. -1:2.", valueName: "a:b"))
    var xRange: String?

    @Option(name: .customLong("y-range"), help: ArgumentHelp("Range of the vertical input, e.g. -1:2.", valueName: "a:b"))
    var yRange: String?

    @Flag(help: "Beside each network's regions, small plots of its hidden neurons' activations over the same plane.")
    var neurons = false

    @OptionGroup var figure: FigureCommandOptions

    func validate() throws {
        for n in nets { try PathArgument.require(n, "NET") }
        guard nets.count >= 2 else { throw ValidationError("compare needs at least two networks, got \(nets.count)") }
        guard nets.count <= 12 else { throw ValidationError("compare draws at most 12 networks, got \(nets.count)") }
        try PathArgument.require(data, "--data")
        guard (0...Int(UInt32.max)).contains(dataSeed) else { throw ValidationError("--data-seed must be between 0 and 4294967295, got \(dataSeed)") }
        guard (2...2000).contains(resolution) else { throw ValidationError("--resolution must be between 2 and 2000, got \(resolution)") }
    }

    func build() throws -> BuiltFigure {
        try figure.checkFormat()
        var networks: [Network] = []
        for n in nets {
            let net = try NetworkResolver.resolve(n, limits: LoadLimits())
            try RegionPlot.checkInputs(net, source: n)
            networks.append(net)
        }
        var dataset: Dataset?
        if let data {
            let d = try Dataset.resolve(data, seed: UInt32(dataSeed), limits: LoadLimits())
            for (net, source) in zip(networks, nets) {
                guard d.points.cols == net.inputCount else {
                    throw NNVizError(data, "", "points have \(d.points.cols) values but \(source) takes \(net.inputCount) inputs")
                }
            }
            dataset = d
        }
        let xr = try xRange.map { t throws(NNVizError) in try RegionsCommand.range(t, option: "--x-range") }
        let yr = try yRange.map { t throws(NNVizError) in try RegionsCommand.range(t, option: "--y-range") }
        let strip = try Filmstrip.comparison(networks: networks, sources: nets, dataset: dataset, dataSource: data, xRange: xr, yRange: yr,
                                             resolution: resolution, neurons: neurons, options: figure.figure)
        let headers = strip.headers ?? []
        let hidden = neurons ? strip.snapshots.indices.map { strip.neuronEntries($0).count } : nil
        return BuiltFigure(figure: strip, text: FigureText.comparison(headers.map { ($0.title, $0.stats) }, datasetName: dataset?.name,
                                                                      hiddenNeurons: hidden))
    }
}
