import NNVizEngine

/// `report.json`: the network, the batch's forward pass and the figures' words at full precision (Swift's
/// shortest round-trip doubles), written by hand so the bytes never depend on dictionary order or locale.
enum ReportJSON {
    static func document(network: Network, source: String, samples: String?, trace: Trace?, dataset: Dataset?,
                         figures: [ReportFigure], formats: [String]) -> String {
        var o = "{\n"
        o += "  \"network\": \(string(network.name)),\n"
        o += "  \"source\": \(string(source)),\n"
        o += "  \"inputs\": \(strings(network.inputLabels)),\n"
        o += "  \"sizes\": [\(network.sizes.map(String.init).joined(separator: ", "))],\n"
        o += "  \"parameters\": \(network.parameterCount),\n"
        o += "  \"parameterFormula\": \(string(network.parameterFormula)),\n"
        o += "  \"layers\": [\n"
        o += network.layers.enumerated().map { k, l in
            "    {\n      \"name\": \(string(l.name)),\n      \"activation\": \(string(l.activation.rawValue)),\n"
                + "      \"neurons\": \(strings(l.neuronLabels)),\n      \"parameters\": \(l.parameterCount),\n"
                + "      \"weights\": \(rows(l.weights, indent: "      ")),\n      \"bias\": \(numbers(l.bias))"
                + (trace.map { ",\n      \"pre\": \(rows($0.pre[k], indent: "      ")),\n      \"post\": \(rows($0.post[k], indent: "      "))" } ?? "")
                + "\n    }"
        }.joined(separator: ",\n")
        o += "\n  ],\n"
        if let trace {
            o += "  \"samples\": {\n    \"source\": \(string(samples ?? "")),\n    \"input\": \(rows(trace.input, indent: "    ")),\n"
            o += "    \"output\": \(rows(trace.output, indent: "    "))"
            if network.outputCount > 1 {
                let classes = (0..<trace.batchSize).map { BatchTable.argmax(trace.output.row($0)) }
                o += ",\n    \"argmax\": [\(classes.map(String.init).joined(separator: ", "))],\n"
                o += "    \"predicted\": \(strings(classes.map { network.outputLabels[$0] }))"
            }
            o += "\n  },\n"
        }
        if let dataset {
            o += "  \"dataset\": {\"name\": \(string(dataset.name)), \"points\": \(dataset.count), \"classes\": \(dataset.classCount)},\n"
        }
        o += "  \"figures\": [\n"
        o += figures.map { f in
            let files = formats.map { string(f.id + "." + $0) }.joined(separator: ", ")
            return "    {\"number\": \(f.number), \"id\": \(string(f.id)), \"title\": \(string(f.text.title)), "
                + "\"files\": [\(files)],\n     \"caption\": \(string(f.text.caption)),\n     \"alt\": \(string(f.text.alt))}"
        }.joined(separator: ",\n")
        o += "\n  ]\n}\n"
        return o
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func strings(_ values: [String]) -> String { "[" + values.map(string).joined(separator: ", ") + "]" }

    /// Shortest round-trip decimal; `null` for a non-finite value (which the loaders never let through).
    static func number(_ v: Double) -> String { v.isFinite ? v.description : "null" }

    static func numbers<C: Collection>(_ values: C) -> String where C.Element == Double {
        "[" + values.map(number).joined(separator: ", ") + "]"
    }

    /// A matrix as an array of rows, one row per line.
    static func rows(_ m: Matrix, indent: String) -> String {
        guard m.rows > 0 else { return "[]" }
        return "[\n" + (0..<m.rows).map { indent + "  " + numbers(m.row($0)) }.joined(separator: ",\n") + "\n" + indent + "]"
    }
}
