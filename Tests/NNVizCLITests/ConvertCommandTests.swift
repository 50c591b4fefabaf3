import Foundation
import Testing
import NNVizEngine
import NNVizTestSupport

/// `nnviz convert`: every readable model written as a spec (or `.npz`) that loads back to the same network and
/// computes the same forward pass to the bit.
@Suite struct ConvertCommandTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func bits(_ trace: Trace) -> [UInt64] {
        (trace.pre + trace.post).flatMap { $0.data.map(\.bitPattern) }
    }

    /// (NET, extra arguments, activations to load the original with)
    static let models: [(String, [String], [Activation]?)] = [
        ("xor", [], nil),
        ("iris", [], nil),
        (NNVizBinary.fixture("net.npz"), ["--activations", "leaky_relu:0.2,sigmoid"], [.leakyReLU(slope: 0.2), .sigmoid]),
        (NNVizBinary.fixture("models/torch_4_5_1.pt"), [], nil),
        (NNVizBinary.fixture("models/named_3_6_3.safetensors"), [], nil),
        (NNVizBinary.fixture("models/torch_4_5_1_bf16.safetensors"), ["--activations", "tanh,sigmoid"], [.tanh, .sigmoid]),
    ]

    @Test func convertedNetworksLoadBackAndComputeTheSameToTheBit() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, (net, extra, acts)) in Self.models.enumerated() {
            let original = try NetworkResolver.resolve(net, activations: acts)
            var rng = SplitMix64(seed: UInt64(k))
            let x = try Matrix(rows: 5, cols: original.inputCount, data: (0..<5 * original.inputCount).map { _ in rng.unit() * 4 - 2 })
            let want = Self.bits(try original.forward(x))
            for ext in ["json", "yaml", "npz"] {
                let out = dir.appendingPathComponent("m\(k).\(ext)").path
                let r = try NNVizBinary.run(["convert", net] + extra + ["-o", out])
                #expect(r == .init(stdout: "wrote \(out) (\(original.layers.count) layers, \(original.parameterCount) parameters)\n",
                                   stderr: "", status: 0), "\(net) → .\(ext)")
                let back = try NetworkResolver.resolve(out)
                #expect(Self.bits(try back.forward(x)) == want, "\(net) → .\(ext)")
                #expect(back.layers.map(\.activation) == original.layers.map(\.activation), "\(net) → .\(ext)")
                if ext != "npz" {
                    #expect(back.name == original.name && back.inputLabels == original.inputLabels, "\(net) → .\(ext)")
                    #expect(back.layers.map(\.name) == original.layers.map(\.name), "\(net) → .\(ext)")
                    #expect(back.layers.map(\.neuronLabels) == original.layers.map(\.neuronLabels), "\(net) → .\(ext)")
                }
            }
        }
    }

    @Test func convertingTwiceGivesTheSameBytes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml").path, b = dir.appendingPathComponent("b.yaml").path
        #expect(try NNVizBinary.run(["convert", NNVizBinary.fixture("models/named_3_6_3.pt"), "-o", a]).status == 0)
        #expect(try NNVizBinary.run(["convert", a, "-o", b]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }

    @Test func refusals() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("xor.json").path
        #expect(try NNVizBinary.run(["convert", "xor", "-o", spec]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: spec))
        func refused(_ args: [String], _ line: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try NNVizBinary.run(args)
            #expect(r == .init(stdout: "", stderr: line + "\n", status: status), sourceLocation: sourceLocation)
        }
        try refused(["convert", spec, "-o", spec], "error: \(spec): is the network being converted; choose another file name")
        try refused(["convert", "xor", "-o", dir.appendingPathComponent("x.png").path],
                    "error: \(dir.appendingPathComponent("x.png").path): unknown network format; use .json, .yaml or .npz")
        try refused(["convert", NNVizBinary.fixture("models/whole_module.pt"), "-o", dir.appendingPathComponent("w.yaml").path],
                    try NNVizBinary.run(["summary", NNVizBinary.fixture("models/whole_module.pt")]).stderr.trimmingCharacters(in: .newlines))
        try refused(["convert", "xor", "-o", ""], "error: nnviz: -o: an empty path names no file or folder (see nnviz help)", status: 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: spec)) == before, "the refused conversion left the file alone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["xor.json"], "nothing else written")
    }
}
