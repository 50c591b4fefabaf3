/// A Keras model's architecture as its JSON config states it (`config.json` in a `.keras` zip, the `model_config`
/// attribute of a legacy `.h5`): the model's class and name, and its layers in order, each with the few fields
/// nnviz reads. A functional model must be a single chain (each layer fed by the one before it), which is checked
/// here; whether each layer is one nnviz draws is `KerasNetwork`'s business.
struct KerasConfig {
    /// `Sequential`, `Functional` (Keras 3) or `Model` (Keras 2).
    var modelClass: String
    var modelName: String
    var layers: [KerasLayer]

    /// Parses `text`; `location` names where it came from (`config.json`, `attribute 'model_config'`).
    init(text: String, path: String, location: String) throws(NNVizError) {
        func fail(_ message: String) -> NNVizError { NNVizError(path, location, message) }
        guard let root = StrictJSON.parse(text), root.isMapping else {
            throw fail("is not a JSON object (damaged, or not a Keras model config)")
        }
        guard let cls = root["class_name"]?.text else { throw fail("names no model class ('class_name')") }
        guard let body = root["config"], body.isMapping else { throw fail("has no model 'config'") }
        modelClass = cls
        modelName = body["name"]?.text ?? "model"
        guard ["Sequential", "Functional", "Model"].contains(cls) else {
            throw fail("holds a '\(SpecNode.clip(cls))' model; nnviz reads Sequential and functional Keras models of Dense layers")
        }
        guard case .sequence(let list)? = body["layers"] else { throw fail("lists no 'layers'") }
        var layers: [KerasLayer] = []
        for (i, item) in list.enumerated() {
            guard item.isMapping, let lcls = item["class_name"]?.text else {
                throw fail("layers[\(i)] is not a layer (no 'class_name')")
            }
            let conf = item["config"] ?? .mapping([])
            let name = item["name"]?.text ?? conf["name"]?.text ?? "layer \(i)"
            layers.append(KerasLayer(index: i, name: name, className: lcls, config: conf, inbound: item["inbound_nodes"]))
        }
        // A Sequential model built with an input shape (Keras 2) lists no InputLayer; its first layer names the shape.
        self.layers = layers
        if cls != "Sequential" { try checkChain(path: path, location: location) }
    }

    /// Refuses a functional model that is not one chain from its input: each layer called once, on the layer
    /// listed before it.
    private func checkChain(path: String, location: String) throws(NNVizError) {
        for (prev, layer) in zip(layers, layers.dropFirst()) {
            let sources = layer.inboundNames
            let branch = "the model branches; nnviz draws a single chain of layers"
            if layer.inboundNodeCount > 1 {
                throw NNVizError(path, location, "layer '\(layer.name)' (\(layer.className)) is called \(layer.inboundNodeCount) times: \(branch)")
            }
            if sources.count > 1 {
                throw NNVizError(path, location, "layer '\(layer.name)' (\(layer.className)) takes \(sources.count) inputs ("
                                 + sources.map { "'\($0)'" }.joined(separator: ", ") + "): \(branch)")
            }
            if sources != [prev.name] {
                let from = sources.first.map { "from '\($0)'" } ?? "from no layer"
                throw NNVizError(path, location, "layer '\(layer.name)' (\(layer.className)) takes its input \(from), "
                                 + "not from '\(prev.name)' listed before it: \(branch)")
            }
        }
    }
}

/// One layer of a Keras config: its name, class and config fields.
struct KerasLayer {
    var index: Int
    var name: String
    var className: String
    var config: SpecValue
    /// The config's `inbound_nodes` (functional models), if any.
    var inbound: SpecValue?

    /// The names of the layers whose outputs feed this one, over all its calls: Keras 3 writes
    /// `{"args": [{"config": {"keras_history": ["dense", 0, 0]}}]}`, Keras 2 `[[["dense", 0, 0, {}]]]`.
    var inboundNames: [String] {
        guard case .sequence(let nodes)? = inbound else { return [] }
        var names: [String] = []
        func walk(_ v: SpecValue, depth: Int) {
            guard depth < 64 else { return }
            switch v {
            case .mapping(let entries):
                for (k, value) in entries {
                    if case .scalar("keras_history", _) = k, case .sequence(let h) = value, let n = h.first?.text {
                        names.append(n)
                    } else {
                        walk(value, depth: depth + 1)
                    }
                }
            case .sequence(let items):
                if items.count >= 3, let n = items[0].text, items[1].number != nil, items[2].number != nil {
                    names.append(n)   // Keras 2: [name, node index, tensor index, kwargs]
                } else {
                    for item in items { walk(item, depth: depth + 1) }
                }
            default: break
            }
        }
        for node in nodes { walk(node, depth: 0) }
        return names
    }

    /// How many times the layer is called in the graph.
    var inboundNodeCount: Int {
        if case .sequence(let nodes)? = inbound { return nodes.count }
        return 0
    }

    /// A config field that is a quoted string.
    func string(_ key: String) -> String? { config[key]?.text }
    /// A config field that is a number (nil when absent or null).
    func number(_ key: String) -> Double? { config[key]?.number }
    /// Whether a config field is absent or null.
    func isNull(_ key: String) -> Bool { config[key].map { if case .scalar("null", true) = $0 { true } else { false } } ?? true }
    /// A config field that is a boolean.
    func bool(_ key: String) -> Bool? {
        switch config[key] {
        case .scalar("true", true)?: return true
        case .scalar("false", true)?: return false
        default: return nil
        }
    }
    /// A shape list such as `[null, 4]` (nil entries for `null`).
    func shape(_ key: String) -> [Int?]? {
        guard case .sequence(let items)? = config[key] else { return nil }
        return items.map { $0.number.flatMap { Int(exactly: $0) } }
    }
}

extension SpecValue {
    /// The value of `key` in a mapping.
    subscript(key: String) -> SpecValue? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { if case .scalar(key, _) = $0.key { true } else { false } }?.value
    }

    var isMapping: Bool { if case .mapping = self { true } else { false } }

    /// A quoted string's text.
    var text: String? { if case .scalar(let s, false) = self { s } else { nil } }

    /// An unquoted number's value.
    var number: Double? {
        guard case .scalar(let s, true) = self, s != "null", s != "true", s != "false" else { return nil }
        return Double(s)
    }
}
