/// A network's weights and biases in flat buffers of their own, the form training updates in place.
///
/// `weights[l]` is layer l's `fanIn × fanOut` matrix row after row (as `Matrix.data`), `biases[l]` its biases.
/// The `Network` it came from is kept only as the template for names and labels (`network()`).
struct DenseParameters: Sendable {
    let template: Network
    let fanIns: [Int]
    let fanOuts: [Int]
    let activations: [Activation]
    var weights: [[Double]]
    var biases: [[Double]]

    init(_ network: Network) {
        template = network
        fanIns = network.layers.map(\.fanIn)
        fanOuts = network.layers.map(\.fanOut)
        activations = network.layers.map(\.activation)
        weights = network.layers.map(\.weights.data)
        biases = network.layers.map(\.bias)
    }

    var layerCount: Int { fanIns.count }

    /// A buffer shaped like the parameters, every value `value` (momentum, Adam's moments, gradients).
    func zeros() -> (weights: [[Double]], biases: [[Double]]) {
        (weights.map { [Double](repeating: 0, count: $0.count) }, biases.map { [Double](repeating: 0, count: $0.count) })
    }

    /// The template network with these weights and biases: the template's shapes, so nothing can disagree.
    func network() -> Network {
        var layers: [Layer] = []
        for (l, layer) in template.layers.enumerated() {
            layers.append(layer.withParameters(uncheckedWeights: Matrix(rows: fanIns[l], cols: fanOuts[l], uncheckedData: weights[l]),
                                               bias: biases[l]))
        }
        return Network(name: template.name, inputLabels: template.inputLabels, uncheckedLayers: layers)
    }
}
