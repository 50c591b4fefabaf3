extension Network {
    /// How a generated network draws its biases.
    public enum BiasInit: String, CaseIterable, Sendable {
        /// `b = np.zeros(fan_out)`.
        case zeros
        /// `b = np.random.randn(fan_out) * scale`, drawn right after the layer's weights.
        case random
    }

    /// A network whose weights NumPy would draw: `np.random.seed(seed)`, then per layer
    /// `W = np.random.randn(fan_in, fan_out) * scale` and the bias as `bias` says.
    ///
    /// `sizes` includes the input layer; `activations` has one entry per later layer; labels default as in
    /// `defaultNeuronLabels`.
    ///
    /// - Throws: `ShapeError.noLayers` for fewer than two sizes, `.activationCount` when `activations` does not have
    ///   one entry per layer, `.emptyLayer` for a size below 1, and the label-count errors of `Layer` and `Network`.
    public static func generated(name: String, sizes: [Int], activations: [Activation], seed: UInt32, scale: Double,
                                 bias: BiasInit, inputLabels: [String]? = nil, outputLabels: [String]? = nil) throws(ShapeError) -> Network {
        guard sizes.count >= 2 else { throw .noLayers }
        guard activations.count == sizes.count - 1 else { throw .activationCount(layers: sizes.count - 1, count: activations.count) }
        for k in 1..<sizes.count where sizes[k - 1] < 1 || sizes[k] < 1 {
            throw .emptyLayer(layer: defaultLayerName(index: k - 1, count: sizes.count - 1), inputs: sizes[k - 1], neurons: sizes[k])
        }
        var rng = NumPyRandom(seed: seed)
        let count = sizes.count - 1
        var layers: [Layer] = []
        layers.reserveCapacity(count)
        for k in 0..<count {
            let w = rng.randn(rows: sizes[k], cols: sizes[k + 1]).map { $0 * scale }
            var b = [Double](repeating: 0, count: sizes[k + 1])
            if bias == .random {
                b = rng.randn(sizes[k + 1])
                for i in b.indices { b[i] *= scale }
            }
            let labels = (k == count - 1 ? outputLabels : nil)
                ?? defaultNeuronLabels(layerIndex: k, layerCount: count, width: sizes[k + 1])
            layers.append(try Layer(name: defaultLayerName(index: k, count: count), activation: activations[k],
                                weights: w, bias: b, neuronLabels: labels))
        }
        return try Network(name: name, inputLabels: inputLabels ?? defaultInputLabels(sizes[0]), layers: layers)
    }
}
