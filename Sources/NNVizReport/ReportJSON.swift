import NNVizEngine

/// `report.json`: the network, the batch's forward pass and the figures' words at full precision (Swift's
/// shortest round-trip doubles), written by hand so the bytes never depend on dictionary order or locale.
enum ReportJSON {
    static func document(network: Network, source: String, samples: String?, trace: Trace?, dataset: Dataset?,
                         figures: [ReportFigure], formats: [String]) -> String {
        var o = "{\n"
        o += "  \"network\": \(JSONText.string(network.name)),\n"
        o += "  \"source\": \(JSONText.string(source)),\n"
        o += "  \"inputs\": \(JSONText.strings(network.inputLabels)),\n"
        o += "  \"sizes\": [\(network.sizes.map(String.init).joined(separator: ", "))],\n"
        o += "  \"parameters\": \(network.parameterCount),\n"
        o += "  \"parameterFormula\": \(JSONText.string(network.parameterFormula)),\n"
        o += "  \"layers\": [\n"
        o += network.layers.enumerated().map { k, l in
            let pad = "      "
            return "    {\n\(pad)\"name\": \(JSONText.string(l.name)),\n"
                + "\(pad)\"activation\": \(JSONText.string(l.activation.rawValue)),\n"
                + "\(pad)\"neurons\": \(JSONText.strings(l.neuronLabels)),\n\(pad)\"parameters\": \(l.parameterCount),\n"
                + "\(pad)\"weights\": \(JSONText.rows(l.weights, indent: pad)),\n\(pad)\"bias\": \(JSONText.numbers(l.bias))"
                + (trace.map {
                    ",\n\(pad)\"pre\": \(JSONText.rows($0.pre[k], indent: pad)),\n"
                        + "\(pad)\"post\": \(JSONText.rows($0.post[k], indent: pad))"
                } ?? "")
                + "\n    }"
        }.joined(separator: ",\n")
        o += "\n  ],\n"
        if let trace {
            o += "  \"samples\": {\n    \"source\": \(JSONText.string(samples ?? "")),\n"
            o += "    \"input\": \(JSONText.rows(trace.input, indent: "    ")),\n"
            o += "    \"output\": \(JSONText.rows(trace.output, indent: "    "))"
            if network.outputCount > 1 {
                let classes = trace.predictedClasses(network.decisionRule)
                o += ",\n    \"argmax\": [\(classes.map(String.init).joined(separator: ", "))],\n"
                o += "    \"predicted\": \(JSONText.strings(classes.map { network.outputLabels[$0] }))"
            }
            o += "\n  },\n"
        }
        if let dataset {
            o += "  \"dataset\": {\"name\": \(JSONText.string(dataset.name)), \"points\": \(dataset.count), "
                + "\"classes\": \(dataset.classCount)},\n"
        }
        o += "  \"figures\": [\n"
        o += figures.map { f in
            let files = formats.map { JSONText.string(f.id + "." + $0) }.joined(separator: ", ")
            return "    {\"number\": \(f.number), \"id\": \(JSONText.string(f.id)), "
                + "\"title\": \(JSONText.string(f.text.title)), \"files\": [\(files)],\n"
                + "     \"caption\": \(JSONText.string(f.text.caption)),\n     \"alt\": \(JSONText.string(f.text.alt))}"
        }.joined(separator: ",\n")
        o += "\n  ]\n}\n"
        return o
    }
}
