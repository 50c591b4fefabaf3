import NNVizTestSupport
import Testing
@testable import NNVizEngine

/// The tiled, multi-core `outputs` must give exactly what `forward(batch).output` gives: same bits, every row.
@Suite struct BatchForwardTests {
    /// A small deterministic source of test values (SplitMix64), so failures reproduce.
    struct Values {
        var rng: SplitMix64
        init(seed: UInt64) { rng = SplitMix64(seed: seed) }
        /// Uniform in [-2, 2).
        mutating func next() -> Double { rng.unit() * 4 - 2 }
        mutating func matrix(_ rows: Int, _ cols: Int) -> Matrix {
            fixture { try Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map { _ in next() }) }
        }
    }

    static func network(_ sizes: [Int], _ activations: [Activation], seed: UInt64) -> Network {
        var v = Values(seed: seed)
        var layers: [Layer] = []
        for i in activations.indices {
            let w = v.matrix(sizes[i], sizes[i + 1]), b = v.matrix(1, sizes[i + 1]).data
            layers.append(fixture {
                try Layer(name: "l\(i)", activation: activations[i], weights: w, bias: b,
                          neuronLabels: Network.defaultNeuronLabels(layerIndex: i, layerCount: activations.count, width: sizes[i + 1]))
            })
        }
        return fixture { try Network(name: "net", inputLabels: Network.defaultInputLabels(sizes[0]), layers: layers) }
    }

    @Test(arguments: [0, 1, 7, 255, 256, 257, 5_003])
    func tanhSigmoidGridEqualsForward(rows: Int) throws {
        let net = Self.network([2, 16, 16, 1], [.tanh, .tanh, .sigmoid], seed: 1)
        var v = Values(seed: 99)
        let batch = v.matrix(rows, 2)
        let expected = try net.forward(batch).output
        let got = try net.outputs(batch)
        #expect(got.rows == rows && got.cols == 1)
        #expect(got == expected)
    }

    @Test(arguments: Activation.allNames.compactMap { Activation.named($0) })
    func everyActivationEqualsForward(activation: Activation) throws {
        let net = Self.network([5, 9, 3], [activation, activation == .softmax ? .softmax : .sigmoid], seed: 7)
        var v = Values(seed: 3)
        let batch = v.matrix(1_000, 5)
        let expected = try net.forward(batch).output
        #expect(try net.outputs(batch) == expected)
    }

    @Test func smallTilesAndWideLayersEqualForward() throws {
        let net = Self.network([20, 40, 8, 3], [.relu, .leakyReLU(slope: 0.01), .softmax], seed: 11)
        var v = Values(seed: 5)
        let batch = v.matrix(333, 20)
        var out = [Double](repeating: .nan, count: 333 * 3)
        batch.data.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { net.evaluateOutputs(rows: 333, input: input, into: $0, tileRows: 10) }
        }
        #expect(try out == net.forward(batch).output.data)
    }

    @Test func widthMismatchIsAnError() {
        let net = Self.network([2, 3, 1], [.relu, .sigmoid], seed: 2)
        #expect(throws: NNVizError("grid", "", "samples have 3 values but net takes 2 inputs (x1, x2)")) {
            try net.outputs(Matrix(rows: 4, cols: 3), source: "grid")
        }
    }
}
