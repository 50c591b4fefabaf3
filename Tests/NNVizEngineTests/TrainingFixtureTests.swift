import Testing
@testable import NNVizEngine

/// `Trainer` against the plain-NumPy reference in `Fixtures/make_training.py`.
///
/// Tolerances are the issue's: every final weight and bias within 1e-9·max(1, |ref|), every epoch's loss within
/// 1e-7·max(1, |ref|). The two sides differ only in summation order (BLAS matmul and pairwise `mean` against plain
/// loops) and in tanh's last bit, which stay near 1e-14 after thousands of epochs on these problems.
@Suite struct TrainingFixtureTests {
    static func cases() throws -> [[String: Any]] {
        try Fixture.json("training.json")["cases"] as? [[String: Any]] ?? []
    }

    static func bitsList(_ any: Any?) -> [Double] { (any as? [String] ?? []).map(Fixture.double(bits:)) }

    /// The case's data, starting network and options, as the reference had them.
    static func setup(_ c: [String: Any]) throws -> (Network, Dataset, TrainingOptions) {
        let sizes = c["sizes"] as? [Int] ?? []
        let acts = (c["activations"] as? [String] ?? []).compactMap({ Activation.named($0) })
        let initSpec = c["init"] as? [String: Any] ?? [:]
        let network = try Network.generated(name: c["name"] as? String ?? "", sizes: sizes, activations: acts,
                                        seed: UInt32(initSpec["seed"] as? Int ?? 0), scale: initSpec["scale"] as? Double ?? 1,
                                        bias: Network.BiasInit(rawValue: initSpec["bias"] as? String ?? "") ?? .zeros)
        let x = bitsList(c["x"])
        let labels = c["labels"] as? [Int] ?? []
        let data = try Dataset(name: "data", points: try Matrix(rows: labels.count, cols: sizes[0], data: x), labels: labels)
        let options = TrainingOptions(epochs: c["epochs"] as? Int ?? 0, learningRate: c["lr"] as? Double ?? 0,
                                      momentum: c["momentum"] as? Double ?? 0,
                                      optimizer: Optimizer(rawValue: c["optimizer"] as? String ?? "") ?? .sgd,
                                      batchSize: c["batch"] as? Int, seed: UInt32(c["seed"] as? Int ?? 0),
                                      loss: Loss(rawValue: c["loss"] as? String ?? ""), validation: c["validation"] as? Double)
        return (network, data, options)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func fixtureCoversTheIssue() throws {
        let cases = try Self.cases()
        #expect(cases.count == 10)
        let names = Set(cases.map { $0["name"] as? String ?? "" })
        #expect(names.isSuperset(of: ["xor", "moons-momentum", "blobs-softmax", "circles-mse", "moons-adam", "xor-validation"]))
    }

    @Test(arguments: 0..<10) func matchesNumPyReference(_ index: Int) throws {
        let c = try Self.cases()[index]
        let name = c["name"] as? String ?? ""
        let (network, data, options) = try Self.setup(c)
        // The generated start is NumPy's to the bit.
        let initial = c["initial"] as? [String: Any] ?? [:]
        for (l, w) in (initial["W"] as? [[String]] ?? []).enumerated() {
            #expect(network.layers[l].weights.data.map(\.bitPattern) == w.map { Fixture.double(bits: $0).bitPattern }, "\(name) W\(l + 1)")
        }
        let result = try Trainer(network: network, data: data, options: options, source: name).run()
        let losses = Self.bitsList(c["history_loss"])
        let accuracies = Self.bitsList(c["history_accuracy"])
        #expect(result.history.count == options.epochs + 1)
        #expect(losses.count == result.history.count)
        for (record, (loss, accuracy)) in zip(result.history, zip(losses, accuracies)) {
            #expect(Self.close(record.loss, loss, 1e-7), "\(name) epoch \(record.epoch): loss \(record.loss) vs \(loss)")
            #expect(record.accuracy == accuracy, "\(name) epoch \(record.epoch): accuracy")
        }
        if c["validation"] as? Double != nil {
            let vLoss = Self.bitsList(c["history_val_loss"]), vAcc = Self.bitsList(c["history_val_accuracy"])
            #expect(vLoss.count == result.history.count)
            for (record, (loss, accuracy)) in zip(result.history, zip(vLoss, vAcc)) {
                #expect(Self.close(record.validationLoss ?? .nan, loss, 1e-7), "\(name) epoch \(record.epoch): val_loss")
                #expect(record.validationAccuracy == accuracy, "\(name) epoch \(record.epoch): val_accuracy")
            }
        } else {
            #expect(result.history.allSatisfy { $0.validationLoss == nil })
        }
        let ws = c["W"] as? [[String]] ?? [], bs = c["b"] as? [[String]] ?? []
        #expect(ws.count == result.network.layers.count)
        var worst = 0.0
        for (l, layer) in result.network.layers.enumerated() {
            let refW = ws[l].map(Fixture.double(bits:)), refB = bs[l].map(Fixture.double(bits:))
            #expect(refW.count == layer.weights.data.count && refB.count == layer.bias.count)
            for (got, ref) in zip(layer.weights.data + layer.bias, refW + refB) {
                worst = max(worst, abs(got - ref) / max(1, abs(ref)))
                #expect(Self.close(got, ref, 1e-9), "\(name) layer \(l + 1): \(got) vs \(ref)")
            }
        }
        // Names and labels survive training.
        #expect(result.network.name == network.name)
        #expect(result.network.layers.map(\.neuronLabels) == network.layers.map(\.neuronLabels))
    }

    @Test func permutationMatchesNumPy() throws {
        let perms = try Fixture.json("training.json")["permutations"] as? [[String: Any]] ?? []
        #expect(perms.count > 80)
        for p in perms {
            let seed = UInt32(p["seed"] as? Int ?? 0), n = p["n"] as? Int ?? 0
            var rng = NumPyRandom(seed: seed)
            for (i, order) in (p["orders"] as? [[Int]] ?? []).enumerated() {
                #expect(rng.permutation(n) == order, "seed \(seed), n \(n), permutation \(i + 1)")
            }
        }
        let wide = try Fixture.json("training.json")["intervals"] as? [[String: Any]] ?? []
        #expect(wide.count == 3)
        for w in wide {
            var rng = NumPyRandom(seed: UInt32(w["seed"] as? Int ?? 0))
            let max = UInt64(w["max"] as? Int ?? 0)
            let draws = (0..<20).map { _ in Int(rng.interval(max)) }
            #expect(draws == w["draws"] as? [Int], "seed \(w["seed"] ?? "")")
        }
    }
}
