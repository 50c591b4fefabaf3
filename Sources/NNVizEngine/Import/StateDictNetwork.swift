import NNVizSystem
/// Builds a network from a PyTorch-style state dict (`torch.save(model.state_dict(), …)`, safetensors): pairs of
/// `<name>.weight` (out × in, transposed here to nnviz's in × out) and optional `<name>.bias`.
///
/// A state dict carries no activations: they come from `--activations`, else relu for hidden layers and sigmoid
/// (one output) or softmax (several) for the last, as for `.npz`. Layers are named after their keys: `0.weight`
/// is `layer 0`, `fc1.weight` is `fc1`.
enum StateDictNetwork {
    /// Refuses a state dict whose declared shapes exceed `limits` before any value is read.
    static func checkSize(_ shapes: [(key: String, shape: [Int])], path: String, limits: LoadLimits) throws(NNVizError) {
        var total = 0
        for (key, shape) in shapes {
            guard let n = NamedTensor.count(shape) else {
                throw NNVizError(path, key, "has shape \(NamedTensor.text(shape)), which is too large or negative")
            }
            total = total.addingReportingOverflow(n).overflow ? .max : total + n
            guard total <= limits.maxParameters else {
                throw NNVizError(path, "", "holds more than \(limits.maxParameters) values, more than \(Setting.maxParameters) allows")
            }
        }
    }

    /// The network of `tensors`, in the order given (`ordered`), or sorted by key with numbers compared as numbers.
    static func build(_ tensors: [NamedTensor], path: String, format: String, ordered: Bool,
                      activations: [Activation]?, limits: LoadLimits) throws(NNVizError) -> Network {
        var weights: [(prefix: String, tensor: NamedTensor)] = []
        var biases: [String: NamedTensor] = [:]
        for t in tensors {
            if t.key.hasSuffix(".weight") || t.key == "weight" {
                weights.append((String(t.key.dropLast(t.key == "weight" ? 6 : 7)), t))
            } else if t.key.hasSuffix(".bias") || t.key == "bias" {
                biases[String(t.key.dropLast(t.key == "bias" ? 4 : 5))] = t
            } else {
                throw NNVizError(path, t.key, "is not a Linear layer's weight or bias; nnviz draws networks of Linear (Dense) layers")
            }
        }
        guard !weights.isEmpty else {
            throw NNVizError(path, "", "holds no '<layer>.weight' tensor; expected a state dict of Linear layers")
        }
        if !ordered { weights.sort { naturalLess($0.prefix, $1.prefix) } }
        for key in biases.keys.sorted() where !weights.contains(where: { $0.prefix == key }) {
            throw NNVizError(path, key.isEmpty ? "bias" : "\(key).bias", "has no matching weight")
        }
        guard weights.count <= limits.maxLayers else {
            throw NNVizError(path, "", "has \(weights.count) layers, more than the limit of \(limits.maxLayers)")
        }
        if let activations, activations.count != weights.count {
            throw NNVizError(Setting.activations, "", "has \(activations.count) names but \(path) has \(weights.count) layers")
        }
        var layers: [Layer] = []
        for (k, (prefix, w)) in weights.enumerated() {
            guard w.shape.count == 2, w.shape[0] > 0, w.shape[1] > 0 else {
                throw NNVizError(path, w.key, "has shape \(NamedTensor.text(w.shape)); a Linear layer's weight is 2-D "
                                 + "(out, in), neither empty; nnviz draws networks of Linear (Dense) layers")
            }
            let out = w.shape[0], fanIn = w.shape[1]
            if let prev = layers.last, prev.fanOut != fanIn {
                throw NNVizError(path, w.key, "has shape \(NamedTensor.text(w.shape)) (out, in) but \(weights[k - 1].tensor.key) "
                                 + "gives \(prev.fanOut) outputs; the layers do not chain in this order")
            }
            var bias = [Double](repeating: 0, count: out)
            if let b = biases[prefix] {
                guard b.shape == [out] else {
                    throw NNVizError(path, b.key, "has shape \(NamedTensor.text(b.shape)) but \(w.key) has \(out) outputs")
                }
                try checkFinite(b, path: path)
                bias = b.values
            }
            try checkFinite(w, path: path)
            var transposed = [Double](repeating: 0, count: fanIn * out)
            for o in 0..<out { for i in 0..<fanIn { transposed[i * out + o] = w.values[o * fanIn + i] } }
            let act = activations?[k] ?? (k < weights.count - 1 ? .relu : (out == 1 ? .sigmoid : .softmax))
            let name = prefix.isEmpty ? Network.defaultLayerName(index: k, count: weights.count)
                : (prefix.allSatisfy(\.isNumber) ? "layer \(prefix)" : prefix)
            do {
                layers.append(try Layer(name: name, activation: act, weights: Matrix(rows: fanIn, cols: out, data: transposed),
                                        bias: bias, neuronLabels: Network.defaultNeuronLabels(layerIndex: k, layerCount: weights.count,
                                                                                              width: out)))
            } catch {
                throw NNVizError(path, w.key, error.description)
            }
        }
        do {
            var net = try Network(name: InputFile.stem(path), inputLabels: Network.defaultInputLabels(layers.first?.fanIn ?? 0),
                                  layers: layers)
            var entries: [ModelProvenance.Entry] = []
            for t in tensors {
                let isWeight = t.key.hasSuffix(".weight") || t.key == "weight"
                let prefix = String(t.key.dropLast(isWeight ? (t.key == "weight" ? 6 : 7) : (t.key == "bias" ? 4 : 5)))
                guard let k = weights.firstIndex(where: { $0.prefix == prefix }) else { continue }
                entries.append(.init(name: t.key, type: "tensor \(NamedTensor.text(t.shape))",
                                     fate: .layer(layers[k].name, detail: isWeight ? "weights, transposed from (out, in)" : "biases")))
            }
            net.provenance = ModelProvenance(format: format, layers: entries)
            return net
        } catch {
            throw NNVizError(path, "", error.description)
        }
    }

    static func checkFinite(_ t: NamedTensor, path: String) throws(NNVizError) {
        guard let i = t.values.firstIndex(where: { !$0.isFinite }) else { return }
        let index = t.shape.count == 2 ? "[\(i / t.shape[1]), \(i % t.shape[1])]" : "[\(i)]"
        throw NNVizError(path, "\(t.key)\(index)", "is not a finite number (\(t.values[i]))")
    }

    /// `a < b` comparing runs of digits as numbers, so `layers.10` follows `layers.9` (and `fc2` precedes `fc10`).
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        var x = i.next(), y = j.next()
        func digits(_ first: inout Unicode.Scalar?, _ it: inout String.UnicodeScalarView.Iterator) -> String {
            var s = ""
            while let c = first, ("0"..."9").contains(c) { s.unicodeScalars.append(c); first = it.next() }
            return s
        }
        while let c = x, let d = y {
            if ("0"..."9").contains(c) && ("0"..."9").contains(d) {
                let p = digits(&x, &i), q = digits(&y, &j)
                let pt = p.drop { $0 == "0" }, qt = q.drop { $0 == "0" }
                if pt.count != qt.count { return pt.count < qt.count }
                if pt != qt { return pt < qt }
                continue
            }
            if c != d { return c < d }
            x = i.next(); y = j.next()
        }
        return x == nil && y != nil
    }
}
