import ArgumentParser
import NNVizEngine

/// The NET argument every command takes (a bundled example or a spec/npz path) and the options that shape loading.
struct NetworkOptions: ParsableArguments {
    @Argument(help: "A bundled example (see `nnviz examples`) or a .json, .yaml, .yml, .npz, .pt, .safetensors, .keras, .h5 or .onnx file.")
    var net: String

    @Option(help: ArgumentHelp("Activations of an .npz network's or a state dict's layers, e.g. relu,sigmoid or leaky_relu:0.2,sigmoid.",
                               valueName: "names"))
    var activations: String?

    @Flag(help: "Read an .npz network's weights as stored out × in (PyTorch's layout) and transpose them.")
    var transpose = false

    @Option(help: "Refuse networks with more weights and biases than this.")
    var maxParameters: Int = LoadLimits().maxParameters

    func validate() throws {
        try PathArgument.require(net, "NET")
        guard maxParameters >= 1 else {
            throw ValidationError("--max-parameters must be at least 1, got \(maxParameters)")
        }
    }

    /// The limits to load with.
    var limits: LoadLimits { LoadLimits(maxParameters: maxParameters) }

    /// The network NET names.
    func load() throws(NNVizError) -> Network {
        var acts: [Activation]?
        if let activations {
            acts = []
            for (i, name) in activations.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                acts?.append(try Activation(named: String(name).trimmingCharacters(), source: "--activations",
                                            location: "name \(i + 1)"))
            }
        }
        return try NetworkResolver.resolve(net, activations: acts, transpose: transpose, limits: limits)
    }
}

extension String {
    func trimmingCharacters() -> String { self[...].trimmingCharacters() }
}
