/// Reads network specs from JSON or YAML: explicit weights (`layers`) or generated ones (`sizes`, `activations`, `init`).
///
/// Every problem is reported as one `NNVizError` naming the file and the JSON path of the offending value.
public enum NetworkSpec {
    static let rootKeys = ["name", "inputs", "outputs", "layers", "sizes", "activations", "init"]
    static let layerKeys = ["name", "activation", "weights", "bias", "neurons"]
    static let activationKeys = ["name", "slope"]
    static let initKeys = ["seed", "scale", "bias"]

    /// Loads the spec file at `path` (`.json`, `.yaml`, `.yml`); the network is named after the file unless it says otherwise.
    public static func load(path: String, limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
        let text = try InputFile.text(path, limit: limits.maxFileBytes)
        return try parse(text, source: path, defaultName: InputFile.stem(path), limits: limits)
    }

    /// Parses spec text; `source` names it in errors and `defaultName` is used when the spec has no `name`.
    public static func parse(_ text: String, source: String, defaultName: String,
                             limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
        let root = try SpecDocument.parse(text, source: source)
        let m = try root.mapping(allowed: rootKeys)
        let name = try m["name"]?.string() ?? defaultName
        let inputs = try m["inputs"]?.strings()
        let network: Network
        if let layers = m["layers"] {
            for key in ["sizes", "activations", "init"] {
                if let extra = m[key] {
                    throw extra.error("cannot be combined with 'layers'; give either explicit layers or sizes, activations and init")
                }
            }
            network = try explicit(layers, name: name, inputs: m["inputs"], inputLabels: inputs, limits: limits)
        } else if let sizes = m["sizes"] {
            network = try generated(m, sizes: sizes, name: name, inputs: m["inputs"], inputLabels: inputs, limits: limits)
        } else {
            throw root.error("has no layers; give 'layers' (explicit weights) or 'sizes', 'activations' and 'init' (generated)")
        }
        guard let outputs = m["outputs"] else { return network }
        let outputLabels = try outputs.strings()
        guard outputLabels.count == network.outputCount else {
            throw outputs.error("has \(outputLabels.count) labels but the last layer has \(network.outputCount) neurons")
        }
        let last = network.layers.count - 1
        do {
            return try network.replacingLayer(last, with: network.layers[last].relabelled(outputLabels))
        } catch {
            throw outputs.error(error.description)
        }
    }

    static func explicit(_ node: SpecNode, name: String, inputs: SpecNode?, inputLabels: [String]?,
                         limits: LoadLimits) throws(NNVizError) -> Network {
        let items = try node.list()
        guard !items.isEmpty else { throw node.error("is empty; a network needs at least one layer") }
        guard items.count <= limits.maxLayers else {
            throw node.error("has \(items.count) layers, more than the limit of \(limits.maxLayers)")
        }
        var layers: [Layer] = []
        var parameters = 0
        for (k, item) in items.enumerated() {
            let m = try item.mapping(allowed: layerKeys)
            guard let actNode = m["activation"] else {
                throw item.error("missing 'activation' (one of \(Activation.validNames))")
            }
            let activation = try activationValue(actNode)
            guard let wNode = m["weights"] else {
                throw item.error("missing 'weights' (one row per input, one column per neuron)")
            }
            let w = try wNode.matrix(limit: max(limits.maxParameters - parameters, 0))
            if let prev = layers.last {
                guard w.rows == prev.fanOut else {
                    throw wNode.error("has \(w.rows) rows but layer \(k - 1) has \(prev.fanOut) neurons")
                }
            } else if let inputLabels, w.rows != inputLabels.count {
                throw wNode.error("has \(w.rows) rows but inputs lists \(inputLabels.count) labels")
            }
            guard let bNode = m["bias"] else { throw item.error("missing 'bias' (one value per neuron)") }
            let b = try bNode.vector()
            guard b.count == w.cols else {
                throw bNode.error("has \(b.count) values but the layer has \(w.cols) neurons (columns of weights)")
            }
            parameters += w.rows * w.cols + w.cols
            guard parameters <= limits.maxParameters else {
                throw node.error("hold more than \(limits.maxParameters) parameters (the limit)")
            }
            var labels = Network.defaultNeuronLabels(layerIndex: k, layerCount: items.count, width: w.cols)
            if let nNode = m["neurons"] {
                labels = try nNode.strings()
                guard labels.count == w.cols else {
                    throw nNode.error("has \(labels.count) labels but the layer has \(w.cols) neurons")
                }
            }
            let layerName = try m["name"]?.string() ?? Network.defaultLayerName(index: k, count: items.count)
            do {
                layers.append(try Layer(name: layerName, activation: activation, weights: w, bias: b, neuronLabels: labels))
            } catch {
                throw item.error(error.description)
            }
        }
        do {
            return try Network(name: name, inputLabels: inputLabels ?? Network.defaultInputLabels(layers.first?.fanIn ?? 0), layers: layers)
        } catch {
            throw node.error(error.description)
        }
    }

    /// An activation written as a name (`relu`, `leaky_relu:0.2`) or as a mapping with its parameter
    /// (`{name: leaky_relu, slope: 0.2}`).
    static func activationValue(_ node: SpecNode) throws(NNVizError) -> Activation {
        guard case .mapping = node.node else {
            return try Activation(named: node.string(), source: node.source, location: node.path)
        }
        let m = try node.mapping(allowed: activationKeys)
        guard let nameNode = m["name"] else {
            throw node.error("missing 'name' (one of \(Activation.validNames))")
        }
        let name = try nameNode.string(), slope = try m["slope"]?.number()
        let at = Activation.allNames.contains(name) ? m["slope"] ?? nameNode : nameNode
        return try Activation(name: name, slope: slope, source: node.source, location: at.path)
    }

    static func generated(_ m: [String: SpecNode], sizes sizesNode: SpecNode, name: String, inputs: SpecNode?,
                          inputLabels: [String]?, limits: LoadLimits) throws(NNVizError) -> Network {
        let sizeItems = try sizesNode.list()
        guard sizeItems.count <= limits.maxLayers + 1 else {
            throw sizesNode.error("describes \(sizeItems.count - 1) layers, more than the limit of \(limits.maxLayers)")
        }
        var sizes: [Int] = []
        for item in sizeItems { sizes.append(try item.integer(in: 1...Int(Int32.max))) }
        guard sizes.count >= 2 else {
            throw sizesNode.error("has \(sizes.count) sizes; needs at least 2 (the inputs and one layer)")
        }
        guard let actsNode = m["activations"] else {
            throw sizesNode.error("needs 'activations' beside it (one per layer after the inputs)")
        }
        let actItems = try actsNode.list()
        guard actItems.count == sizes.count - 1 else {
            let shown = sizes.map(String.init).joined(separator: ", ")
            throw actsNode.error("has \(actItems.count) names but sizes [\(shown)] describes \(sizes.count - 1) layers")
        }
        var activations: [Activation] = []
        for a in actItems { activations.append(try activationValue(a)) }
        var total = 0
        for k in 0..<(sizes.count - 1) {
            let (w, o1) = sizes[k].multipliedReportingOverflow(by: sizes[k + 1])
            let (t, o2) = total.addingReportingOverflow(w &+ sizes[k + 1])
            guard !o1, !o2, t <= limits.maxParameters else {
                throw sizesNode.error("implies more than \(limits.maxParameters) parameters (the limit)")
            }
            total = t
        }
        if let inputs, let inputLabels, inputLabels.count != sizes[0] {
            throw inputs.error("has \(inputLabels.count) labels but sizes starts with \(sizes[0]) inputs")
        }
        guard let initNode = m["init"] else {
            throw sizesNode.error("needs 'init' beside it, e.g. {seed: 0, scale: 0.5, bias: zeros}")
        }
        let im = try initNode.mapping(allowed: initKeys)
        guard let seedNode = im["seed"] else { throw initNode.error("missing 'seed' (a whole number 0…4294967295)") }
        let seed = try seedNode.integer(in: 0...Int(UInt32.max))
        let scale = try im["scale"]?.number() ?? 1
        var bias = Network.BiasInit.zeros
        if let bNode = im["bias"] {
            let text = try bNode.string()
            guard let b = Network.BiasInit(rawValue: text) else {
                throw bNode.error("unknown bias '\(SpecNode.clip(text))'; valid: zeros, random")
            }
            bias = b
        }
        do {
            return try Network.generated(name: name, sizes: sizes, activations: activations, seed: UInt32(seed), scale: scale,
                                         bias: bias, inputLabels: inputLabels)
        } catch {
            throw sizesNode.error(error.description)
        }
    }
}
