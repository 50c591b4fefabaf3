import ArgumentParser
import NNVizEngine

/// `nnviz forward NET (--sample … | --batch F | --random N)`: every layer's activations for every sample.
struct Forward: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run samples through a network and print every layer's activations.")

    @OptionGroup var network: NetworkOptions
    @OptionGroup var samples: SampleOptions

    @Flag(help: "Also show each layer's pre-activations z = a·W + b.")
    var pre = false

    @Option(help: "Decimals shown in the tables (0…17).")
    var precision = 4

    @Flag(help: "Print full-precision JSON (shortest round-trip doubles) instead of tables.")
    var json = false

    func validate() throws {
        guard (0...17).contains(precision) else { throw ValidationError("--precision must be between 0 and 17, got \(precision)") }
    }

    func run() throws {
        try CommandError.reporting {
            let net = try network.load()
            let (batch, source) = try samples.require(for: net, command: "forward", limits: network.limits)
            let trace = try net.forward(batch, source: source)
            print(json ? Self.json(net, trace, source: source) : table(net, trace, source: source), terminator: "")
        }
    }

    func table(_ net: Network, _ trace: Trace, source: String) -> String {
        let n = trace.batchSize
        var out = "\(net.name): \(n) sample\(n == 1 ? "" : "s") from \(source)\n"
        func block(_ title: String, _ labels: [String], _ m: Matrix) {
            var t = TextTable(header: [title] + labels, align: [.left] + labels.map { _ in .right })
            for r in 0..<m.rows {
                t.add(["sample \(r + 1)"] + m.row(r).map { NumberFormat.fixed($0, decimals: precision) })
            }
            out += "\n" + t.render()
        }
        block("input", net.inputLabels, trace.input)
        for (k, layer) in net.layers.enumerated() {
            if pre { block("\(layer.name) z", layer.neuronLabels, trace.pre[k]) }
            block("\(layer.name) \(layer.activation.rawValue)", layer.neuronLabels, trace.post[k])
        }
        return out
    }

    static func json(_ net: Network, _ trace: Trace, source: String) -> String {
        var layers: [String] = []
        for (k, layer) in net.layers.enumerated() {
            layers.append("""
                    {
                      "name": \(JSONText.string(layer.name)),
                      "activation": \(JSONText.string(layer.activation.rawValue)),
                      "neurons": \(JSONText.strings(layer.neuronLabels)),
                      "pre": \(JSONText.rows(trace.pre[k], indent: "      ")),
                      "post": \(JSONText.rows(trace.post[k], indent: "      "))
                    }
                """)
        }
        return """
            {
              "network": \(JSONText.string(net.name)),
              "source": \(JSONText.string(source)),
              "inputs": \(JSONText.strings(net.inputLabels)),
              "samples": \(JSONText.rows(trace.input, indent: "  ")),
              "layers": [
            \(layers.joined(separator: ",\n"))
              ]
            }

            """
    }
}
