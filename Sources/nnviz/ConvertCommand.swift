import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizSystem

/// `nnviz convert NET -o FILE`: any network nnviz reads, written as a spec with explicit weights (or an `.npz`)
/// that loads back to the same network, bit for bit.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write any network nnviz reads as an nnviz spec with explicit weights (.json, .yaml) or an .npz.",
        discussion: """
            Weights are written in their shortest exact form, so the written network computes exactly what NET does. \
            Layer names, input and neuron labels are kept in .json and .yaml where NET has them (an .npz has no \
            place for them). Try: nnviz convert model.safetensors --activations relu,sigmoid -o model.yaml
            """)

    @OptionGroup var network: NetworkOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write: .json or .yaml (names and labels kept) or .npz.",
                                                    valueName: "file"))
    var output: String

    func validate() throws {
        try PathArgument.require(output, "-o")
    }

    func run() throws {
        try CommandError.reporting {
            let format = try NetworkFile.format(of: output)
            if FileTree.sameFile(network.net, output) {
                throw NNVizError(output, "", "is the network being converted; choose another file name")
            }
            let net = try network.load()
            try AtomicFile.write(NetworkFile.bytes(net, format: format), to: output)
            var out = StandardOutput()
            try out.write("wrote \(DisplayText.escaped(output)) (\(net.layers.count) layers, \(net.parameterCount) parameters)\n")
            try out.flush()
        }
    }
}
