import Testing
@testable import NNVizEngine

/// Backpropagation's gradients against central differences of the loss itself, for every trainable activation
/// (leaky_relu at its default slope and at 0.2) and every loss on small random networks.
///
/// The central difference is the fourth-order one, `(8(L(θ+h) − L(θ−h)) − (L(θ+2h) − L(θ−2h))) / 12h` with h = 1e-4:
/// its truncation error is O(h⁴) ≈ 1e-16 and its rounding error about ε·|loss|/h ≈ 1e-12, so gradients down to
/// 1e-6 are checked to the 1e-6 relative error demanded (the plain two-point quotient's ε/h ≈ 1e-10 rounding is
/// too coarse for the smallest gradients of these nets). Gradients below 1e-7 in both forms are compared absolutely
/// (to 1e-10), since a relative error of two near-zeros says nothing.
@Suite struct GradientCheckTests {
    static let hidden: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.01), .linear, .leakyReLU(slope: 0.2)]

    /// (output activation, outputs, loss) pairs the trainer accepts.
    static let heads: [(Activation, Int, Loss)] = [
        (.sigmoid, 1, .bce), (.softmax, 3, .ce), (.softmax, 2, .ce),
        (.sigmoid, 1, .mse), (.sigmoid, 2, .mse), (.tanh, 1, .mse), (.linear, 2, .mse), (.relu, 1, .mse), (.leakyReLU(slope: 0.01), 3, .mse),
        (.leakyReLU(slope: 0.2), 2, .mse),
    ]

    @Test(arguments: 0..<10) func analyticMatchesCentralDifferences(_ head: Int) throws {
        let (outAct, k, loss) = Self.heads[head]
        for (h, act) in Self.hidden.enumerated() {
            let seed = UInt32(100 * head + h)
            let network = try Network.generated(name: "check", sizes: [3, 4, 3, k], activations: [act, Self.hidden[(h + 2) % Self.hidden.count], outAct],
                                            seed: seed, scale: 0.8, bias: .random)
            var rng = NumPyRandom(seed: seed + 7)
            let rows = 6
            let points = try Matrix(rows: rows, cols: 3, data: rng.randn(rows * 3))
            let labels = (0..<rows).map { _ in Int(rng.interval(UInt64(max(k, 2) - 1))) }
            let data = TrainingRows(try Dataset(name: "d", points: points, labels: labels), outputs: k)
            var p = DenseParameters(network)
            let workspace = BackpropWorkspace(p, rows: rows)
            data.inputs.withUnsafeBufferPointer { x in
                data.targets.withUnsafeBufferPointer { y in
                    workspace.forward(p, input: x.baseAddress!, rows: rows)
                    workspace.backward(p, input: x.baseAddress!, targets: y.baseAddress!, rows: rows, loss: loss)
                }
            }
            let evaluator = TrainingEvaluator(p, rows: rows, loss: loss)
            func lossValue(_ q: DenseParameters) -> Double { evaluator.measure(q, data).loss }
            let step = 1e-4
            var checked = 0
            for l in 0..<p.layerCount {
                for (isBias, count) in [(false, p.weights[l].count), (true, p.biases[l].count)] {
                    for j in 0..<count {
                        let analytic = isBias ? workspace.gradBiases[l][j] : workspace.gradWeights[l][j]
                        let original = isBias ? p.biases[l][j] : p.weights[l][j]
                        func set(_ v: Double) { if isBias { p.biases[l][j] = v } else { p.weights[l][j] = v } }
                        func at(_ offset: Double) -> Double { set(original + offset); return lossValue(p) }
                        let near = at(step) - at(-step), far = at(2 * step) - at(-2 * step)
                        set(original)
                        let numeric = (8 * near - far) / (12 * step)
                        let scale = max(abs(analytic), abs(numeric))
                        let what = "\(act.label)→\(outAct.label)×\(k) \(loss.rawValue) layer \(l + 1) \(isBias ? "b" : "W")[\(j)]"
                        if scale < 1e-7 {
                            #expect(abs(analytic - numeric) < 1e-10, "\(what): \(analytic) vs \(numeric)")
                        } else {
                            #expect(abs(analytic - numeric) / scale < 1e-6, "\(what): \(analytic) vs \(numeric)")
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked == network.parameterCount)
        }
    }
}
