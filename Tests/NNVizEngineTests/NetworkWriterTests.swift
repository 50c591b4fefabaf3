import Foundation
import Testing
@testable import NNVizEngine

/// The trained network's writers: JSON, YAML and `.npz` read back to the same network, to the bit.
@Suite struct NetworkWriterTests {
    static func bits(_ n: Network) -> [UInt64] {
        var out: [UInt64] = []
        for l in n.layers { out += l.weights.data.map(\.bitPattern) + l.bias.map(\.bitPattern) }
        return out
    }

    static func hostile() throws -> Network {
        let n = try Network.generated(name: "odd \"name\"\n", sizes: [2, 3, 2], activations: [.leakyReLU(slope: 0.1 + 0.2), .softmax],
                                      seed: 4, scale: 1e-3, bias: .random, inputLabels: ["x: 1", "- y"], outputLabels: ["é", "🙂\t"])
        var w = n.layers[0].weights
        w[0, 0] = 5e-324
        w[0, 1] = -0.0
        w[0, 2] = 1.7976931348623157e308
        let first = try n.layers[0].withParameters(weights: w, bias: n.layers[0].bias).relabelled(["#a", "[b]", "c\u{7f}"])
        var last = n.layers[1]
        last.name = "out: put"
        return try n.replacingLayer(0, with: first).replacingLayer(1, with: last)
    }

    static func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-writer-\(UUID().uuidString)-\(name)").path
    }

    @Test func jsonAndYAMLRoundTripToTheBit() throws {
        let n = try Self.hostile()
        let json = try NetworkSpec.parse(NetworkWriter.json(n), source: "t.json", defaultName: "t")
        let yaml = try NetworkSpec.parse(NetworkWriter.yaml(n), source: "t.yaml", defaultName: "t")
        for back in [json, yaml] {
            #expect(back.name == n.name && back.inputLabels == n.inputLabels)
            #expect(back.layers.map(\.name) == n.layers.map(\.name))
            #expect(back.layers.map(\.neuronLabels) == n.layers.map(\.neuronLabels))
            #expect(back.layers.map(\.activation) == n.layers.map(\.activation))
            #expect(Self.bits(back) == Self.bits(n))
        }
        #expect(NetworkWriter.yaml(n) == NetworkWriter.yaml(yaml), "writing what was read gives the same bytes")
    }

    @Test func npzRoundTripsWithActivations() throws {
        let n = try Self.hostile()
        let path = Self.temp("t.npz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(NpzWriter.bytes(n)).write(to: URL(fileURLWithPath: path))
        let back = try NpzNetwork.load(path: path)
        #expect(back.layers.map(\.activation) == [.leakyReLU(slope: 0.1 + 0.2), .softmax])
        #expect(Self.bits(back) == Self.bits(n))
        #expect(NpzWriter.bytes(n) == NpzWriter.bytes(n))
    }

    @Test func npzActivationsThatDoNotFitAreRefused() throws {
        let n = try Network.generated(name: "n", sizes: [2, 2, 1], activations: [.relu, .sigmoid], seed: 0, scale: 1, bias: .zeros)
        func archive(_ names: [String]) -> [UInt8] {
            var members: [(String, [UInt8])] = []
            for (k, l) in n.layers.enumerated() {
                members.append(("W\(k + 1).npy", NpzWriter.npy(doubles: l.weights.data, shape: [l.fanIn, l.fanOut])))
                members.append(("b\(k + 1).npy", NpzWriter.npy(doubles: l.bias, shape: [l.fanOut])))
            }
            members.append(("activations.npy", NpzWriter.npy(strings: names)))
            return NpzWriter.zip(members)
        }
        let path = Self.temp("bad.npz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(archive(["relu"])).write(to: URL(fileURLWithPath: path))
        expectError("error: \(path): activations.npy: has 1 names but the archive has 2 layers") { try NpzNetwork.load(path: path) }
        try Data(archive(["relu", "sigmoi"])).write(to: URL(fileURLWithPath: path))
        expectError("error: \(path): activations.npy: name 2: unknown activation 'sigmoi'; did you mean 'sigmoid'? valid: \(Activation.validNames)") {
            try NpzNetwork.load(path: path)
        }
        try Data(archive(["leaky_relu:inf", "sigmoid"])).write(to: URL(fileURLWithPath: path))
        expectError("error: \(path): activations.npy: name 1: the slope of leaky_relu must be a finite number, not inf") {
            try NpzNetwork.load(path: path)
        }
        try Data(archive(["leaky_relu:0.2", "sigmoid:1"])).write(to: URL(fileURLWithPath: path))
        expectError("error: \(path): activations.npy: name 2: sigmoid takes no parameter; only leaky_relu has one, its slope (e.g. leaky_relu:0.2)") {
            try NpzNetwork.load(path: path)
        }
    }

    @Test func aSlopeIsWrittenOnlyWhenItIsNotTheDefault() throws {
        let n = try Network.generated(name: "n", sizes: [2, 2, 2, 1], activations: [.leakyReLU(slope: 0.2), .leakyReLU(slope: 0.01), .sigmoid],
                                      seed: 0, scale: 1, bias: .zeros)
        let json = NetworkWriter.json(n), yaml = NetworkWriter.yaml(n)
        #expect(json.contains("\"activation\": {\"name\": \"leaky_relu\", \"slope\": 0.2},\n"))
        #expect(json.contains("\"activation\": \"leaky_relu\",\n"))
        #expect(yaml.contains("    activation: {name: leaky_relu, slope: 0.2}\n"))
        #expect(yaml.contains("    activation: leaky_relu\n"))
        #expect(n.layers.map(\.activation.token) == ["leaky_relu:0.2", "leaky_relu", "sigmoid"])
    }
}
