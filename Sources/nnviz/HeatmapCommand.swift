import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz heatmap NET (--batch F | --sample … | --random N) -o FILE [--pre] [--layers 1,2] [--sort] [--weights] [--hinton] [--precision N]`.
struct HeatmapCommand: FigureCommand {
    static let configuration = CommandConfiguration(
        commandName: "heatmap",
        abstract: "Heatmaps of every layer's activations over a batch (rows samples, columns neurons), or of the weights.")

    @OptionGroup var network: NetworkOptions
    @OptionGroup var samples: SampleOptions

    @Flag(help: "Show pre-activations z = a·W + b on a diverging map centred on 0.")
    var pre = false

    @Option(help: ArgumentHelp("Layers to show, counting the input as 0, e.g. 0,1,2 (default: every layer after the input).",
                               valueName: "list"))
    var layers: String?

    @Flag(help: "Order samples by predicted class, then by output.")
    var sort = false

    @Flag(help: "Show each layer's weight matrix instead of activations (no samples needed).")
    var weights = false

    @Flag(help: "Show the weights as a Hinton diagram: square area ∝ |w|, colour by sign.")
    var hinton = false

    @Option(help: "Decimals of the values printed in cells, 0…12 (default: 2 below 10, fewer for larger values).")
    var precision: Int?

    @OptionGroup var figure: FigureCommandOptions

    func validate() throws {
        if let precision, !(0...12).contains(precision) {
            throw ValidationError("--precision must be between 0 and 12, got \(precision)")
        }
    }

    /// `--layers` as numbers, each within the network.
    static func parseLayers(_ text: String, for net: Network) throws(NNVizError) -> [Int] {
        var out: [Int] = []
        for (i, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let s = String(part).trimmingCharacters()
            guard let k = Int(s) else { throw NNVizError("--layers", "item \(i + 1)", "'\(s)' is not a layer number") }
            guard (0...net.layers.count).contains(k) else {
                throw NNVizError("--layers", "item \(i + 1)", "layer \(k) does not exist; \(net.name) has layers 0 (input) to \(net.layers.count)")
            }
            out.append(k)
        }
        return out
    }

    func build() throws -> BuiltFigure {
        try figure.checkFormat()
        let net = try network.load()
        var chosen = try layers.map { text throws(NNVizError) in try Self.parseLayers(text, for: net) }
        let mode: HeatmapOptions.Mode = hinton ? .hinton : (weights ? .weights : .activations)
        var trace: Trace?
        if mode == .activations {
            let (batch, source) = try samples.require(for: net, command: "heatmap", limits: network.limits)
            trace = try net.forward(batch, source: source)
        } else if let c = chosen, c.contains(0) {
            chosen = c.filter { $0 != 0 }
            if chosen!.isEmpty { throw NNVizError("--layers", "", "the input layer (0) has no weights; choose layers 1 to \(net.layers.count)") }
        }
        let options = HeatmapOptions(figure: figure.figure, mode: mode, pre: pre, layers: chosen, sort: sort, precision: precision)
        let text = trace.map { FigureText.activations(net, trace: $0) } ?? FigureText.weights(net)
        return BuiltFigure(figure: Heatmap(network: net, trace: trace, options: options), text: text)
    }
}
