import Foundation
import Testing
@testable import NNVizEngine

/// ONNX models from `torch.onnx.export` and `onnx.helper` (`Fixtures/make_models.py`): their forward passes are
/// checked against onnxruntime in `ModelImportTests`; here the names, activations and refusals.
@Suite struct ONNXImportTests {
    static func path(_ name: String) -> String { ModelImportTests.path(name) }

    /// `summary`'s source table: every node on the chain with what became of it.
    @Test func provenanceSaysWhatBecameOfEachNode() throws {
        let net = try NetworkResolver.resolve(Self.path("matmul_add_f64.onnx"))
        let p = try #require(net.provenance)
        #expect(p.format.hasPrefix("ONNX"))
        #expect(p.layers.map { "\($0.name) \($0.type): \($0.fate.text)" } == [
            "x graph input: the input (4 features)",
            "mm1 MatMul: layer 'W1' (weights)",
            "add1 Add: folded into 'W1' (bias)",
            "tanh1 Tanh: folded into 'W1' (tanh)",
            "#3 Identity: skipped (identity at inference)",
            "#4 Dropout: skipped (identity at inference)",
            "mm2 MatMul: layer 'W2' (weights)",
            "add2 Add: folded into 'W2' (bias)",
        ])
        let torch = try #require(try NetworkResolver.resolve(Self.path("torch_4_5_1_legacy.onnx")).provenance)
        #expect(torch.layers.map(\.fate) == [.input(features: 4),
                                            .layer("layer 0", detail: "weights transposed from (out, in), bias"),
                                            .folded(into: "layer 0", detail: "relu"),
                                            .layer("layer 2", detail: "weights transposed from (out, in), bias"),
                                            .folded(into: "layer 2", detail: "sigmoid")])
    }

    @Test func exportedModelsNameLayersFromInitializers() throws {
        let net = try NetworkResolver.resolve(Self.path("torch_4_5_1.onnx"))
        #expect(net.layers.map(\.name) == ["layer 0", "layer 2"])
        #expect(net.layers.map(\.activation) == [.relu, .sigmoid])
        #expect(net.origin == "ONNX from pytorch 2.15.0+cu132, opset 20")
        let legacy = try NetworkResolver.resolve(Self.path("torch_4_5_1_legacy.onnx"))
        #expect(legacy.layers.map(\.name) == ["layer 0", "layer 2"])
        // The two exporters write the same weights.
        #expect(legacy.layers.map(\.weights) == net.layers.map(\.weights))
        let named = try NetworkResolver.resolve(Self.path("named_3_6_3.onnx"))
        #expect(named.layers.map(\.name) == ["fc1", "fc2"])
        #expect(named.layers.map(\.activation) == [.tanh, .softmax])
        let folded = try NetworkResolver.resolve(Self.path("flatten_dropout.onnx"))
        #expect(folded.layers.map(\.name) == ["layer 1", "layer 4"])
        #expect(folded.layers.map(\.activation) == [.relu, .softmax])
        #expect(try NetworkResolver.resolve(Self.path("leaky_default.onnx")).layers.map(\.activation) == [.leakyReLU(slope: 0.01), .linear])
        #expect(try NetworkResolver.resolve(Self.path("leaky_0.2.onnx")).layers.map(\.activation) == [.leakyReLU(slope: 0.2), .linear])
    }

    @Test func handMadeGraphsKeepTheirNames() throws {
        let mm = try NetworkResolver.resolve(Self.path("matmul_add_f64.onnx"))
        #expect(mm.layers.map(\.name) == ["W1", "W2"])
        #expect(mm.layers.map(\.activation) == [.tanh, .linear])
        #expect(mm.origin == "ONNX from onnx.helper, opset 17")
        let gemm = try NetworkResolver.resolve(Self.path("gemm_alpha_beta.onnx"))
        #expect(gemm.sizes == [2, 3, 1])
        #expect(gemm.layers.map(\.activation) == [.sigmoid, .linear])
        // bfloat16 raw data widened exactly: 0.5, -1.25, 2.0 as stored.
        let half = try NetworkResolver.resolve(Self.path("half_typed.onnx"))
        #expect(half.layers[1].weights.data == [0.5, -1.25, 2.0])
        #expect(half.layers[1].bias == [0.375])
    }

    @Test func refusalsNameTheNode() {
        let p = Self.path
        expectError("error: \(p("conv.onnx")): node '/0/Conv' (Conv) is not a dense layer: nnviz reads Gemm or MatMul and "
                    + "Add layers and Relu, Sigmoid, Tanh, Softmax or LeakyRelu activations") { try NetworkResolver.resolve(p("conv.onnx")) }
        expectError("error: \(p("branch.onnx")): value 'h' feeds 2 nodes (node 'relu' (Relu), node 'skip' (Add)); nnviz "
                    + "reads a chain of layers, not a branching graph") { try NetworkResolver.resolve(p("branch.onnx")) }
        expectError("error: \(p("external.onnx")): tensor '0.weight' keeps its data in an external file; nnviz reads "
                    + "self-contained .onnx files (onnx.save_model(model, path, save_as_external_data=False))") {
            try NetworkResolver.resolve(p("external.onnx"))
        }
        expectError("error: the activations: applies only to .npz networks and state dicts; \(p("torch_4_5_1.onnx")) names "
                    + "its activations itself") { try NetworkResolver.resolve(p("torch_4_5_1.onnx"), activations: [.relu, .relu]) }
    }

    /// ONNX has no magic number; nnviz knows it by how a ModelProto begins, so an ONNX file is read whatever its
    /// name, and refused when its extension promises something else.
    @Test func recognisedByContent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-onnx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, target) in [("torch_4_5_1.onnx", "model.bin"), ("torch_4_5_1_legacy.onnx", "model"), ("matmul_add_f64.onnx", "m.pb")] {
            let to = dir.appendingPathComponent(target)
            try FileManager.default.copyItem(at: Fixture.url("models/\(name)"), to: to)
            #expect(try NetworkResolver.resolve(to.path).layers.count == 2, "\(name) as \(target)")
        }
        let pt = dir.appendingPathComponent("m.pt")
        try FileManager.default.copyItem(at: Fixture.url("models/torch_4_5_1.onnx"), to: pt)
        expectError("error: \(pt.path): is an ONNX protobuf, not a PyTorch zip archive as .pt says") { try NetworkResolver.resolve(pt.path) }
    }

    /// Files cut short, with lying lengths and shapes, or too many messages: refused before anything large is made.
    @Test func hostileBytesAreRefusedPlainly() throws {
        let good = try [UInt8](Data(contentsOf: Fixture.url("models/torch_4_5_1_legacy.onnx")))
        func load(_ bytes: [UInt8], limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
            try ONNXFile.load(path: "m.onnx", bytes: bytes, limits: limits)
        }
        #expect(try load(good).sizes == [4, 5, 1])
        for cut in [1, 7, 100, good.count / 2, good.count - 3] {
            #expect(throws: NNVizError.self) { try load(Array(good.prefix(cut))) }
        }
        expectError("error: m.onnx: byte 0: a field claims more bytes than the file holds (truncated?)") {
            try load([0x3A, 0xFF, 0xFF, 0x03, 0x00])
        }
        expectError("error: m.onnx: byte 0: has wire type 7, which ONNX does not use (damaged or not an ONNX file)") { try load([0x0F]) }
        // A million and one empty nodes: 2 MB of file that would decode to hundreds of MB of structs.
        var graph: [UInt8] = []
        for _ in 0...ONNXWireScan.maxItems { graph += [0x0A, 0x00] }
        var many: [UInt8] = [0x3A]
        var n = graph.count
        while n >= 0x80 { many.append(UInt8(n & 0x7F) | 0x80); n >>= 7 }
        many.append(UInt8(n))
        expectError("error: m.onnx: holds more than 1000000 messages and names; nnviz reads networks of dense layers") {
            try load(many + graph)
        }
        expectError("error: m.onnx: tensor '0.weight': has shape (5, 4), more values than the parameter limit allows (10)") {
            try load(good, limits: LoadLimits(maxParameters: 10))
        }
    }
}
