/// Writes a network as a spec with explicit weights (`.json` or `.yaml`) that every nnviz command reads back to
/// the same network: names, input and neuron labels kept, numbers in Swift's shortest round-trip form.
///
/// The text depends only on the network, so the same network always gives the same bytes.
public enum NetworkWriter {
    /// The spec as JSON, one matrix row per line.
    public static func json(_ network: Network) -> String {
        var out = "{\n  \"name\": \(JSONText.string(network.name)),\n"
        out += "  \"inputs\": \(JSONText.strings(network.inputLabels)),\n  \"layers\": [\n"
        out += network.layers.map { layer in
            "    {\n      \"name\": \(JSONText.string(layer.name)),\n"
                + "      \"activation\": \(jsonActivation(layer.activation)),\n"
                + "      \"neurons\": \(JSONText.strings(layer.neuronLabels)),\n"
                + "      \"weights\": \(JSONText.rows(layer.weights, indent: "      ")),\n"
                + "      \"bias\": \(JSONText.numbers(layer.bias))\n    }"
        }.joined(separator: ",\n")
        return out + "\n  ]\n}\n"
    }

    /// The spec as YAML (block style, flow-style rows), read by the same loader as JSON.
    public static func yaml(_ network: Network) -> String {
        var out = "name: \(yamlString(network.name))\n"
        out += "inputs: [\(network.inputLabels.map(yamlString).joined(separator: ", "))]\nlayers:\n"
        for layer in network.layers {
            out += "  - name: \(yamlString(layer.name))\n"
            out += "    activation: \(yamlActivation(layer.activation))\n"
            out += "    neurons: [\(layer.neuronLabels.map(yamlString).joined(separator: ", "))]\n"
            out += "    weights:\n"
            for r in 0..<layer.weights.rows { out += "      - \(JSONText.numbers(layer.weights.row(r)))\n" }
            out += "    bias: \(JSONText.numbers(layer.bias))\n"
        }
        return out
    }

    /// The activation's name, or `{"name": "leaky_relu", "slope": 0.2}` when it carries a parameter.
    static func jsonActivation(_ a: Activation) -> String {
        guard let slope = a.parameter else { return JSONText.string(a.name) }
        return "{\"name\": \(JSONText.string(a.name)), \"slope\": \(JSONText.number(slope))}"
    }

    /// The activation's name, or `{name: leaky_relu, slope: 0.2}` when it carries a parameter.
    static func yamlActivation(_ a: Activation) -> String {
        guard let slope = a.parameter else { return a.name }
        return "{name: \(a.name), slope: \(JSONText.number(slope))}"
    }

    /// A YAML double-quoted scalar: JSON's escapes (a subset of YAML's) plus the C1 controls and the byte-order
    /// mark, which YAML does not allow unescaped.
    static func yamlString(_ s: String) -> String {
        let quoted = JSONText.string(s)
        return JSONText.escaping(quoted) { u in
            guard (0x80...0x9f).contains(u.value) || u.value == 0xfeff else { return nil }
            let hex = String(u.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
