import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizRender

/// `nnviz diagram NET -o FILE [--sample v,…] [--all] [--weights]`: the layer diagram, optionally one sample's forward pass.
struct DiagramCommand: ParsableCommand {
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

    @OptionGroup var figure: FigureCommandOptions

    func validate() throws {
        guard index >= 0 else { throw ValidationError("--index must be 0 or more, got \(index)") }
    }

    func run() throws {
        try CommandError.reporting {
            try figure.checkFormat()
            let net = try network.load()
            var trace: Trace?
            if let (batch, source) = try samples.load(for: net, limits: network.limits) {
                guard index < batch.rows else {
                    throw NNVizError("--index", "", "is \(index) but \(source) has \(batch.rows) sample\(batch.rows == 1 ? "" : "s")")
                }
                trace = try net.forward(batch, source: source)
            }
            let options = DiagramOptions(figure: figure.figure, showAll: all, weightLabels: weights ? true : nil)
            let scene = LayerDiagram(network: net, trace: trace, sample: index, options: options).scene(measurer: CairoTextMeasurer())
            try figure.write(scene)
        }
    }
}
