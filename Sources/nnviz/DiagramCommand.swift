import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz diagram NET -o FILE [--sample v,…] [--all] [--weights] [--pre] [--precision N]`: the layer diagram, optionally one sample's forward pass.
struct DiagramCommand: FigureCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw the network as neurons and weighted edges; with a sample, its forward pass.")

    @OptionGroup var network: NetworkOptions
    @OptionGroup var samples: SampleOptions

    @Option(help: "Which sample of the batch to show (0-based).")
    var index = 0

    @Flag(help: "Draw every neuron and edge instead of eliding layers wider than 16.")
    var all = false

    @Flag(help: "Print every weight on its edge (automatic for networks of at most 40 weights).")
    var weights = false

    @Flag(help: "With a sample, print each neuron's pre-activation z = a·W + b beside its activation.")
    var pre = false

    @Option(help: "Decimals of the numbers printed on the diagram (values, z, weights, biases), 0…12 (default 2).")
    var precision: Int?

    @Option(name: .customLong("max-edges"),
            help: "Refuse diagrams of more edges than this (default: 2000000 for PNG, 250000 for SVG and PDF).")
    var maxEdges: Int?

    @OptionGroup var figure: FigureCommandOptions

    func validate() throws {
        guard index >= 0 else { throw ValidationError("--index must be 0 or more, got \(index)") }
        if let precision, !(0...12).contains(precision) {
            throw ValidationError("--precision must be between 0 and 12, got \(precision)")
        }
        if let maxEdges, maxEdges < 1 { throw ValidationError("--max-edges must be at least 1, got \(maxEdges)") }
    }

    /// Refuses, before any layout, a diagram drawing more edges than `--max-edges` (or the format's default).
    static func checkEdges(_ diagram: LayerDiagram, format: OutputFormat, limit: Int?, output: String) throws(NNVizError) {
        let edges = diagram.drawnEdgeCount
        let max = limit ?? format.defaultMaxEdges
        guard edges > max else { return }
        let count = edges == Int.max ? "too many edges to count" : "\(edges) edges"
        let fix = diagram.options.showAll ? "leave out --all (layers wider than \(diagram.options.maxNeurons) are then elided) or raise --max-edges"
                                          : "raise --max-edges"
        throw NNVizError(output, "", "the diagram would draw \(count), more than the limit of \(max) for \(format.rawValue.uppercased()); \(fix)")
    }

    func build() throws -> BuiltFigure {
        try figure.checkFormat()
        let net = try network.load()
        let options = DiagramOptions(figure: figure.figure, showAll: all, weightLabels: weights ? true : nil,
                                     precision: precision, showPre: pre)
        try Self.checkEdges(LayerDiagram(network: net, options: options), format: try OutputFormat(path: figure.output),
                            limit: maxEdges, output: figure.output)
        var trace: Trace?
        if let (batch, source) = try samples.load(for: net, limits: network.limits) {
            guard index < batch.rows else {
                throw NNVizError("--index", "", "is \(index) but \(source) has \(batch.rows) sample\(batch.rows == 1 ? "" : "s")")
            }
            trace = try net.forward(batch, source: source)
        }
        return BuiltFigure(figure: LayerDiagram(network: net, trace: trace, sample: index, options: options),
                           text: FigureText.diagram(net, trace: trace, sample: index))
    }
}
