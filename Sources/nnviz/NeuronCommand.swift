import ArgumentParser
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz neuron NET --sample v,… -o FILE [--layer L] [--neuron i] [--precision N]`: one neuron's computation for one
/// sample, every number shown.
struct NeuronCommand: FigureCommand {
    static let configuration = CommandConfiguration(
        commandName: "neuron",
        abstract: "Show one neuron at work on one sample: xᵢ, wᵢ, xᵢ·wᵢ, the sum, the bias, z and the activation's curve.")

    @OptionGroup var network: NetworkOptions
    @OptionGroup var samples: SampleOptions

    @Option(help: "Which sample of the batch to show (0-based).")
    var index = 0

    @Option(help: ArgumentHelp("The layer, counted from 1 after the inputs, or its name (default 1).", valueName: "L"))
    var layer: String?

    @Option(help: ArgumentHelp("The neuron, counted from 1 within the layer, or its label such as h1_2 (default 1).", valueName: "i"))
    var neuron: String?

    @Option(help: "Decimals at most (trailing zeros dropped), 0…12.")
    var precision = 3

    @OptionGroup var figure: FigureCommandOptions

    func validate() throws {
        guard index >= 0 else { throw ValidationError("--index must be 0 or more, got \(index)") }
        guard (0...12).contains(precision) else { throw ValidationError("--precision must be between 0 and 12, got \(precision)") }
    }

    func build() throws -> BuiltFigure {
        try figure.checkFormat()
        let net = try network.load()
        let (l, j) = try NeuronAnatomy.locate(net, layer: layer, neuron: neuron, source: network.net)
        let (batch, source) = try samples.require(for: net, command: "neuron")
        guard index < batch.rows else {
            throw NNVizError("--index", "", "is \(index) but \(source) has \(batch.rows) sample\(batch.rows == 1 ? "" : "s")")
        }
        let trace = try net.forward(batch, source: source)
        let anatomy = NeuronAnatomy(network: net, trace: trace, sample: index, layer: l, neuron: j)
        let sample = (0..<batch.cols).map { batch[index, $0] }
        let fig = NeuronFigure(network: net, anatomy: anatomy, sample: sample, precision: precision, options: figure.figure)
        return BuiltFigure(figure: fig, text: FigureText.neuron(fig))
    }
}
