/// Builds a network from a Keras config and the Dense layers' stored weights.
///
/// Kept: `InputLayer`, `Dense` (kernel inputs × units, as nnviz stores it; bias or none; activation linear, relu,
/// sigmoid, tanh, softmax or leaky_relu). Folded into the Dense before them: `Activation`, `ReLU`, `Softmax`,
/// `LeakyReLU`. Skipped, as identities at inference: `Dropout` and its noise relatives. Anything else is refused
/// naming the layer; recurrent layers say so.
enum KerasNetwork {
    /// The stored values of one Dense layer: its kernel and, with `use_bias`, its bias.
    typealias Weights = (_ layer: KerasLayer, _ useBias: Bool) throws(NNVizError) -> (kernel: NamedTensor, bias: NamedTensor?)

    static let identities: [String: String] = [
        "Dropout": "identity at inference", "AlphaDropout": "identity at inference",
        "GaussianDropout": "identity at inference", "GaussianNoise": "identity at inference",
        "ActivityRegularization": "identity at inference", "Identity": "identity",
    ]
    static let recurrent: Set<String> = ["LSTM", "GRU", "SimpleRNN", "RNN", "Bidirectional", "ConvLSTM1D", "ConvLSTM2D",
                                         "ConvLSTM3D", "CuDNNLSTM", "CuDNNGRU", "TimeDistributed"]

    /// A Dense layer to build, with the activation folded into it.
    struct Pending {
        var layer: KerasLayer
        var units: Int
        var activation: Activation
        var activationFrom: String
        var useBias: Bool
    }

    /// What the config says, checked before any weight is read: the Dense layers, what became of every layer,
    /// and the input width.
    struct Plan {
        var pending: [Pending] = []
        var entries: [ModelProvenance.Entry] = []
        var inputs: Int?
    }

    /// The network of `config` with the weights `weights` gives (after `plan` has accepted every layer).
    static func build(_ config: KerasConfig, path: String, location: String, format: String,
                      limits: LoadLimits, weights: Weights) throws(NNVizError) -> Network {
        var plan = try plan(config, path: path, location: location, limits: limits)
        return try assemble(&plan, config: config, path: path, location: location, format: format, weights: weights)
    }

    /// Refuses a layer nnviz does not draw (by kind first, so a convolution or an LSTM is named before anything
    /// about shapes), folds activation layers into the Dense before them, and skips identities.
    static func plan(_ config: KerasConfig, path: String, location: String, limits: LoadLimits) throws(NNVizError) -> Plan {
        func fail(_ layer: KerasLayer, _ message: String) -> NNVizError {
            NNVizError(path, location, "layer '\(layer.name)' (\(layer.className)) \(message)")
        }
        for layer in config.layers where !["InputLayer", "Dense", "Activation", "ReLU", "Softmax", "LeakyReLU"].contains(layer.className)
            && identities[layer.className] == nil {
            if recurrent.contains(layer.className) {
                throw fail(layer, "is recurrent: nnviz draws feed-forward networks of Dense layers")
            }
            throw fail(layer, "is not a dense layer: nnviz draws networks of Dense layers")
        }
        var pending: [Pending] = []
        var entries: [ModelProvenance.Entry] = []
        var inputs: Int?
        for layer in config.layers {
            let type = layer.className
            switch type {
            case "InputLayer":
                let shape = layer.shape("batch_shape") ?? layer.shape("batch_input_shape") ?? []
                let features = shape.dropFirst()
                guard features.count == 1, let n = features.first ?? nil, n > 0 else {
                    throw fail(layer, "has shape (\(features.map { $0.map(String.init) ?? "None" }.joined(separator: ", "))): "
                               + "nnviz draws networks of flat inputs, one number per input neuron")
                }
                inputs = n
                entries.append(.init(name: layer.name, type: type, fate: .input(features: n)))
            case "Dense":
                guard let u = layer.number("units"), let units = Int(exactly: u), units > 0 else {
                    throw fail(layer, "has no positive whole 'units'")
                }
                guard layer.isNull("lora_rank") else { throw fail(layer, "has LoRA weights, which nnviz does not read") }
                let name = layer.string("activation") ?? layer.config["activation"]?["config"]?.text ?? "linear"
                let act = try activation(name, slope: name == "leaky_relu" ? 0.2 : nil, layer: layer, fail: fail)
                let useBias = layer.bool("use_bias") ?? true
                pending.append(Pending(layer: layer, units: units, activation: act, activationFrom: name, useBias: useBias))
            case "Activation", "ReLU", "Softmax", "LeakyReLU":
                let act: Activation
                switch type {
                case "Activation":
                    let name = layer.string("activation") ?? layer.config["activation"]?["config"]?.text ?? "?"
                    act = try activation(name, slope: name == "leaky_relu" ? 0.2 : nil, layer: layer, fail: fail)
                case "ReLU":
                    guard layer.isNull("max_value"), (layer.number("threshold") ?? 0) == 0 else {
                        throw fail(layer, "has a max_value or threshold; nnviz's relu has neither")
                    }
                    let slope = layer.number("negative_slope") ?? 0
                    act = slope == 0 ? .relu : try activation("leaky_relu", slope: slope, layer: layer, fail: fail)
                case "Softmax":
                    if let axis = layer.number("axis"), axis != -1, axis != 1 {
                        throw fail(layer, "takes the softmax over axis \(axis); nnviz's softmax runs over a layer's neurons")
                    }
                    act = .softmax
                default:   // LeakyReLU: `negative_slope` in Keras 3, `alpha` in Keras 2; 0.3 by default in both
                    act = try activation("leaky_relu", slope: layer.number("negative_slope") ?? layer.number("alpha") ?? 0.3,
                                         layer: layer, fail: fail)
                }
                guard var last = pending.popLast() else {
                    throw fail(layer, "comes before any Dense layer; nnviz applies activations to a Dense layer's outputs")
                }
                guard last.activation == .linear else {
                    throw fail(layer, "applies \(act.name) after '\(last.layer.name)', which already applies "
                               + "\(last.activation.name): nnviz draws one activation per layer")
                }
                last.activation = act
                pending.append(last)
                entries.append(.init(name: layer.name, type: type, fate: .folded(into: last.layer.name, detail: act.name)))
            default:
                entries.append(.init(name: layer.name, type: type, fate: .skipped(identities[type] ?? "identity")))
            }
            if type == "Dense" { entries.append(.init(name: layer.name, type: type, fate: .layer(layer.name, detail: ""))) }
        }
        guard !pending.isEmpty else { throw NNVizError(path, location, "holds no Dense layer; nnviz draws networks of Dense layers") }
        guard pending.count <= limits.maxLayers else {
            throw NNVizError(path, location, "has \(pending.count) Dense layers, more than the limit of \(limits.maxLayers)")
        }
        return Plan(pending: pending, entries: entries, inputs: inputs)
    }

    private static func assemble(_ plan: inout Plan, config: KerasConfig, path: String, location: String, format: String,
                                 weights: Weights) throws(NNVizError) -> Network {
        let pending = plan.pending, inputs = plan.inputs
        var layers: [Layer] = []
        for (k, p) in pending.enumerated() {
            let (kernel, bias) = try weights(p.layer, p.useBias)
            let fanIn = layers.last?.fanOut ?? inputs ?? kernel.shape.first ?? 0
            guard kernel.shape == [fanIn, p.units] else {
                throw NNVizError(path, kernel.key, "has shape \(NamedTensor.text(kernel.shape)) but layer '\(p.layer.name)' "
                                 + "takes \(fanIn) inputs to \(p.units) units")
            }
            try StateDictNetwork.checkFinite(kernel, path: path)
            var b = [Double](repeating: 0, count: p.units)
            if let bias {
                guard bias.shape == [p.units] else {
                    throw NNVizError(path, bias.key, "has shape \(NamedTensor.text(bias.shape)) but layer '\(p.layer.name)' has \(p.units) units")
                }
                try StateDictNetwork.checkFinite(bias, path: path)
                b = bias.values
            }
            do {
                let matrix = try Matrix(rows: fanIn, cols: p.units, data: kernel.values)
                layers.append(try Layer(name: p.layer.name, activation: p.activation, weights: matrix, bias: b,
                                        neuronLabels: Network.defaultNeuronLabels(layerIndex: k, layerCount: pending.count, width: p.units)))
            } catch {
                throw NNVizError(path, kernel.key, error.description)
            }
            if let i = plan.entries.firstIndex(where: { $0.name == p.layer.name && $0.type == "Dense" }) {
                let folded = plan.entries.first { if case .folded(p.layer.name, _) = $0.fate { true } else { false } }
                plan.entries[i].fate = .layer(p.layer.name, detail: (p.useBias ? "" : "no bias, ") + "activation "
                                         + (folded.map { "\(p.activation.name) from '\($0.name)'" } ?? p.activationFrom))
            }
        }
        do {
            var net = try Network(name: config.modelName, inputLabels: Network.defaultInputLabels(layers[0].fanIn), layers: layers)
            net.provenance = ModelProvenance(format: "\(format) (\(config.modelClass) '\(config.modelName)')", layers: plan.entries)
            return net
        } catch {
            throw NNVizError(path, location, error.description)
        }
    }

    /// nnviz's activation for a Keras activation name; `slope` is leaky_relu's negative slope.
    private static func activation(_ name: String, slope: Double?, layer: KerasLayer,
                                   fail: (KerasLayer, String) -> NNVizError) throws(NNVizError) -> Activation {
        switch name {
        case "linear": return .linear
        case "relu": return .relu
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "softmax": return .softmax
        case "leaky_relu":
            // Keras 3's LeakyReLU layer and activation default to a negative slope of 0.2.
            let s = slope ?? 0.2
            guard s.isFinite else { throw fail(layer, "has a negative slope that is not a finite number") }
            return .leakyReLU(slope: s)
        default:
            throw fail(layer, "uses activation '\(SpecNode.clip(name))'; nnviz draws linear, relu, sigmoid, tanh, softmax and leaky_relu")
        }
    }
}
