import ArgumentParser
import NNVizEngine
import NNVizRender
import NNVizReport

/// `nnviz activations -o FILE [--functions a,b,…] [--derivatives] [--range a:b] [--mark z,…] [--from NET --sample v,…]
/// [--shared]`: activation functions as curves with their formulas.
struct ActivationsCommand: FigureCommand {
    static let configuration = CommandConfiguration(
        commandName: "activations",
        abstract: "Draw activation functions as curves with their formulas, optionally with derivatives and marked z values.")

    @Option(help: ArgumentHelp("Functions to draw, comma-separated: sigmoid, tanh, relu, leaky_relu, step, linear (default: all; with --from, the network's).",
                               valueName: "names"))
    var functions: String?

    @Flag(help: "Add each function's derivative, dashed.")
    var derivatives = false

    @Option(parsing: .unconditional, help: ArgumentHelp("The range of z, e.g. -5:5.", valueName: "a:b"))
    var range = "-5:5"

    @Option(parsing: .unconditional, help: ArgumentHelp("z values to mark on every curve, comma-separated.", valueName: "z,…"))
    var mark: String?

    @Option(help: ArgumentHelp("A network whose forward pass of --sample marks each neuron's z on its layer's function.", valueName: "NET"))
    var from: String?

    @Option(name: .customLong("sample"), parsing: .unconditional,
            help: ArgumentHelp("The sample for --from, comma-separated.", valueName: "values"))
    var sample: String?

    @Flag(help: "Draw every function on one plot instead of one panel each.")
    var shared = false

    @OptionGroup var figure: FigureCommandOptions

    func validate() throws {
        try PathArgument.require(from, "--from")
        if sample != nil && from == nil { throw ValidationError("--sample applies only to --from") }
        if from != nil && sample == nil { throw ValidationError("--from needs --sample v,… (the sample whose z values to mark)") }
    }

    /// The activations `text` names, softmax refused (it depends on the whole layer).
    static func parseFunctions(_ text: String) throws(NNVizError) -> [Activation] {
        var out: [Activation] = []
        for (i, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let a = try Activation(named: String(part).trimmingCharacters(), source: "--functions", location: "name \(i + 1)")
            guard a != .softmax else {
                throw NNVizError("--functions", "name \(i + 1)", "softmax depends on the whole layer, not one z, so it has no curve; leave it out")
            }
            if !out.contains(a) { out.append(a) }
        }
        return out
    }

    func build() throws -> BuiltFigure {
        try figure.checkFormat()
        var fns = try functions.map { t throws(NNVizError) in try Self.parseFunctions(t) }
        let r = try RegionsCommand.range(range, option: "--range")
        var marks = try mark.map { t throws(NNVizError) in try RegionsCommand.numbers(t, option: "--mark") }?
            .map { ActivationCurves.Mark(z: $0) } ?? []
        if let from, let sample {
            let net = try NetworkResolver.resolve(from, limits: LoadLimits())
            let batch = try SampleLoader.parse(samples: [sample], for: net)
            let trace = try net.forward(batch, source: "--sample")
            for (l, layer) in net.layers.enumerated() where layer.activation != .softmax {
                for j in 0..<layer.fanOut {
                    marks.append(ActivationCurves.Mark(z: trace.pre[l][0, j], activation: layer.activation, label: layer.neuronLabels[j]))
                }
            }
            if fns == nil {
                var used: [Activation] = []
                for layer in net.layers where layer.activation != .softmax && !used.contains(layer.activation) { used.append(layer.activation) }
                fns = used
            }
        }
        let list = fns ?? ActivationCurves.drawable
        guard !list.isEmpty else { throw NNVizError("--functions", "", "names no function to draw") }
        let fig = ActivationCurves(functions: list, derivatives: derivatives, range: r, marks: marks, shared: shared,
                                   options: figure.figure)
        return BuiltFigure(figure: fig, text: FigureText.activationCurves(fig))
    }
}
