import ArgumentParser
import NNVizEngine
import NNVizSystem

/// `nnviz summary NET`: one row per layer (shape, activation, parameter counts) and the total with its formula.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a network's layers, shapes, activations and parameter counts.")

    @OptionGroup var network: NetworkOptions

    @Flag(help: "Print machine-readable JSON instead of a table.")
    var json = false

    func run() throws {
        try CommandError.reporting {
            let net = try network.load()
            StageTiming.end("parse")
            var out = StandardOutput()
            try out.write(json ? Self.json(net) : Self.table(net))
            try out.flush()
            StageTiming.end("write")
        }
    }

    /// The table, names escaped for the terminal (`DisplayText.escaped`).
    static func table(_ net: Network) -> String {
        let show = DisplayText.escaped
        var t = TextTable(header: ["layer", "shape", "activation", "weights", "biases", "parameters"],
                          align: [.left, .left, .left, .right, .right, .right])
        for layer in net.layers {
            t.add([show(layer.name), "\(layer.fanIn) × \(layer.fanOut)", layer.activation.label,
                   "\(layer.fanIn * layer.fanOut)", "\(layer.fanOut)", "\(layer.parameterCount)"])
        }
        let sizes = net.sizes.map(String.init).joined(separator: "→")
        return "\(show(net.name)): \(sizes)\n"
            + (net.origin.map { "from: \($0)\n" } ?? "")
            + "inputs: \(net.inputLabels.map(show).joined(separator: ", "))\n"
            + "outputs: \(net.outputLabels.map(show).joined(separator: ", "))\n\n"
            + t.render()
            + "\ntotal: \(net.parameterFormula) parameters\n"
            + provenanceTable(net)
    }

    /// What became of each of the source file's layers (kept, folded, skipped), when the network came from one.
    static func provenanceTable(_ net: Network) -> String {
        guard let p = net.provenance, !p.layers.isEmpty else { return "" }
        let show = DisplayText.escaped
        var t = TextTable(header: ["source layer", "type", "in nnviz"], align: [.left, .left, .left])
        for e in p.layers { t.add([show(e.name), show(e.type), show(e.fate.text)]) }
        return "\nsource layers:\n" + t.render()
    }

    /// `,\n  "source": {…}` for a network read from another framework's file, else nothing.
    static func source(_ net: Network) -> String {
        guard let p = net.provenance else { return "" }
        let layers = p.layers.map { e in
            "      {\"name\": \(JSONText.string(e.name)), \"type\": \(JSONText.string(e.type)), \"fate\": \(JSONText.string(e.fate.text))}"
        }
        return ",\n  \"source\": {\n    \"format\": \(JSONText.string(p.format)),\n    \"layers\": ["
            + (layers.isEmpty ? "]" : "\n" + layers.joined(separator: ",\n") + "\n    ]") + "\n  }"
    }

    static func json(_ net: Network) -> String {
        let layers = net.layers.map { l in
            "    {\"name\": \(JSONText.string(l.name)), \"fan_in\": \(l.fanIn), \"fan_out\": \(l.fanOut), "
                + "\"activation\": \(JSONText.string(l.activation.token)), \"weights\": \(l.fanIn * l.fanOut), "
                + "\"biases\": \(l.fanOut), \"parameters\": \(l.parameterCount), "
                + "\"neurons\": \(JSONText.strings(l.neuronLabels))}"
        }
        return """
            {
              "name": \(JSONText.string(net.name)),
              "sizes": [\(net.sizes.map(String.init).joined(separator: ", "))],
              "inputs": \(JSONText.strings(net.inputLabels)),
              "outputs": \(JSONText.strings(net.outputLabels)),
              "layers": [
            \(layers.joined(separator: ",\n"))
              ],
              "parameters": \(net.parameterCount),
              "formula": \(JSONText.string(net.parameterFormula))\(source(net))
            }

            """
    }
}
