import Foundation
import NNVizEngine

/// The benchmark's input files, generated deterministically under `output/bench/inputs/` so nnviz and the
/// Python peers read exactly the same numbers: the 784→128→64→10 spec, a 256×784 CSV batch and the
/// 2→16→16→1 tanh/sigmoid spec.
struct BenchInputs {
    let directory: String
    /// 784→128→64→10, relu, relu, softmax, explicit weights (109,184 edges).
    let mnist: Network
    /// 2→16→16→1, tanh, tanh, sigmoid.
    let grid: Network

    var mnistPath: String { directory + "/mnist-mlp.json" }
    var batchPath: String { directory + "/batch-256x784.csv" }
    var gridPath: String { directory + "/grid-net.json" }
    /// The 784 network unrounded, every weight written with 17 significant digits (`%.17g`, 2.4 MB).
    var mnist17Path: String { directory + "/mnist-mlp-17.json" }
    /// One dense layer of 45→44 (1,980 edges, just under the old Cairo threshold) and 45→45 (2,025).
    var net4544Path: String { directory + "/net-45-44.json" }
    var net4545Path: String { directory + "/net-45-45.json" }

    /// Builds the networks and writes every file (rewriting them is cheap and keeps them in step with the code).
    init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        mnist = try Self.network(name: "mnist-mlp", sizes: [784, 128, 64, 10], activations: [.relu, .relu, .softmax],
                             seed: 784, gain: 1.0, biasScale: 0.1)
        grid = try Self.centred(try Self.network(name: "grid-net", sizes: [2, 16, 16, 1], activations: [.tanh, .tanh, .sigmoid],
                                             seed: 2, gain: 2.5, biasScale: 1.0))
        try Self.specJSON(mnist).write(toFile: mnistPath, atomically: true, encoding: .utf8)
        try Self.specJSON(grid).write(toFile: gridPath, atomically: true, encoding: .utf8)
        try Self.batchCSV(rows: 256, cols: 784, seed: 256).write(toFile: batchPath, atomically: true, encoding: .utf8)
        let mnist17 = try Self.network(name: "mnist-mlp", sizes: [784, 128, 64, 10], activations: [.relu, .relu, .softmax],
                                       seed: 784, gain: 1.0, biasScale: 0.1, digits: nil)
        try Self.specJSON(mnist17, format: { String(format: "%.17g", $0) }).write(toFile: mnist17Path, atomically: true, encoding: .utf8)
        for (outputs, path) in [(44, net4544Path), (45, net4545Path)] {
            let net = try Self.network(name: "net-45-\(outputs)", sizes: [45, outputs], activations: [.sigmoid], seed: 45,
                                       gain: 2.0, biasScale: 0.5)
            try Self.specJSON(net).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// Weights `bell() · gain / √fanIn` and biases `bell() · biasScale`, rounded to `digits` decimals (nil: unrounded).
    static func network(name: String, sizes: [Int], activations: [Activation], seed: UInt64,
                        gain: Double, biasScale: Double, digits: Int? = 5) throws -> Network {
        func round(_ v: Double) -> Double { digits.map { SplitMix64.rounded(v, digits: $0) } ?? v }
        var rng = SplitMix64(seed: seed)
        var layers: [Layer] = []
        for (i, act) in activations.enumerated() {
            let fanIn = sizes[i], fanOut = sizes[i + 1]
            let scale = gain / Double(fanIn).squareRoot()
            let w = (0..<(fanIn * fanOut)).map { _ in round(rng.bell() * scale) }
            let b = (0..<fanOut).map { _ in round(rng.bell() * biasScale) }
            layers.append(try Layer(name: Network.defaultLayerName(index: i, count: activations.count), activation: act,
                                weights: Matrix(rows: fanIn, cols: fanOut, data: w), bias: b,
                                neuronLabels: Network.defaultNeuronLabels(layerIndex: i, layerCount: activations.count, width: fanOut)))
        }
        return try Network(name: name, inputLabels: Network.defaultInputLabels(sizes[0]), layers: layers)
    }

    /// The network with its output bias shifted so the output's median over [-0.5, 1.5]² is 0.5: the decision
    /// boundary then crosses the plotted plane, as in a real lesson.
    static func centred(_ net: Network) throws -> Network {
        let n = 41
        let axis = (0..<n).map { -0.5 + 2 * Double($0) / Double(n - 1) }
        var points: [Double] = []
        for y in axis { for x in axis { points += [x, y] } }
        let pre = try net.forward(Matrix(rows: n * n, cols: 2, data: points)).pre.last?.data.sorted() ?? []
        let last = net.layers.count - 1
        var bias = net.layers[last].bias
        bias[0] = SplitMix64.rounded(bias[0] - pre[pre.count / 2], digits: 5)
        return try net.replacingLayer(last, with: net.layers[last].withParameters(weights: net.layers[last].weights, bias: bias))
    }

    /// The explicit-weights JSON form of issue 2 (`layers[].weights` inputs × neurons, `bias`, `activation`).
    static func specJSON(_ net: Network, format: (Double) -> String = { $0.description }) -> String {
        var s = "{\n  \"name\": \"\(net.name)\",\n  \"layers\": [\n"
        for (i, layer) in net.layers.enumerated() {
            s += "    {\"name\": \"\(layer.name)\", \"activation\": \"\(layer.activation.token)\",\n     \"weights\": [\n"
            s += layer.weights.rowArrays.map { "       [" + $0.map(format).joined(separator: ", ") + "]" }
                .joined(separator: ",\n")
            s += "],\n     \"bias\": [" + layer.bias.map(format).joined(separator: ", ") + "]}"
            s += i == net.layers.count - 1 ? "\n" : ",\n"
        }
        return s + "  ]\n}\n"
    }

    /// Pixel-like values in [0, 1] with three decimals, about a third of them 0 (as in MNIST), no header.
    static func batchCSV(rows: Int, cols: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var s = ""
        for _ in 0..<rows {
            s += (0..<cols).map { _ -> String in
                let u = rng.unit()
                return u < 0.35 ? "0" : SplitMix64.rounded((u - 0.35) / 0.65, digits: 3).description
            }.joined(separator: ",")
            s += "\n"
        }
        return s
    }
}
