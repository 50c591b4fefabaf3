import Foundation
import Testing
@testable import NNVizEngine

@Suite struct SpecTests {
    /// Generated specs hold exactly the weights `np.random.seed(s); np.random.randn(fan_in, fan_out) * scale` gives.
    @Test func generatedWeightsMatchNumPyBitForBit() throws {
        let cases = try Fixture.json("generated.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 5)
        for c in cases {
            let sizes = c["sizes"] as? [Int] ?? []
            let acts = Array(repeating: "tanh", count: sizes.count - 1).joined(separator: ", ")
            let yaml = """
                sizes: [\(sizes.map(String.init).joined(separator: ", "))]
                activations: [\(acts)]
                init: {seed: \(c["seed"] as? Int ?? -1), scale: \(c["scale"] as? Double ?? 0), bias: \(c["bias"] as? String ?? "")}
                """
            let net = try NetworkSpec.parse(yaml, source: "gen.yaml", defaultName: "gen")
            #expect(net.sizes == sizes)
            let ws = c["weights"] as? [[String]] ?? [], bs = c["biases"] as? [[String]] ?? []
            for (k, layer) in net.layers.enumerated() {
                #expect(layer.weights.data.map(\.bitPattern) == ws[k].map { Fixture.double(bits: $0).bitPattern })
                #expect(layer.bias.map(\.bitPattern) == bs[k].map { Fixture.double(bits: $0).bitPattern })
            }
        }
    }

    @Test func explicitJSONWithLabelsAndDefaults() throws {
        let json = """
            {"inputs": ["a", "b"], "outputs": ["out"],
             "layers": [{"activation": "relu", "weights": [[1, -2.5e-1, 3], [0.5, 1E2, -7]], "bias": [0, 1, 2]},
                        {"name": "last", "activation": "linear", "weights": [[1], [2], [3]], "bias": [-1]}]}
            """
        let net = try NetworkSpec.parse(json, source: "dir/my-net.json", defaultName: "my-net")
        #expect(net.name == "my-net")
        #expect(net.inputLabels == ["a", "b"])
        #expect(net.layers.map(\.name) == ["hidden", "last"])
        #expect(net.layers[0].neuronLabels == ["h1", "h2", "h3"])
        #expect(net.outputLabels == ["out"])
        #expect(net.layers[0].weights.rowArrays == [[1, -0.25, 3], [0.5, 100, -7]])
        #expect(net.layers[1].activation == .linear)
    }

    @Test func defaultLabelsWithoutInputsOrOutputs() throws {
        let yaml = """
            sizes: [3, 2, 2, 4]
            activations: [relu, leaky_relu, softmax]
            init: {seed: 1}
            """
        let net = try NetworkSpec.parse(yaml, source: "x.yaml", defaultName: "x")
        #expect(net.inputLabels == ["x1", "x2", "x3"])
        #expect(net.layers.map(\.name) == ["hidden 1", "hidden 2", "output"])
        #expect(net.layers[1].neuronLabels == ["h2_1", "h2_2"])
        #expect(net.outputLabels == ["y1", "y2", "y3", "y4"])
        #expect(net.layers.allSatisfy { $0.bias.allSatisfy { $0 == 0 } })
    }

    @Test func loadsFromFileNamedAfterItsStem() throws {
        let path = "/tmp/nnviz-spec-test-\(getpid()).yml"
        try "sizes: [2, 1]\nactivations: [sigmoid]\ninit: {seed: 3, scale: 0.1}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let net = try NetworkSpec.load(path: path)
        #expect(net.name == "nnviz-spec-test-\(getpid())")
        #expect(net.parameterCount == 3)
    }
}
