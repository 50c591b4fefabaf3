import Foundation
import Testing
@testable import NNVizEngine

/// Models saved by PyTorch, safetensors and NumPy (`Fixtures/make_models.py`), read by nnviz and run forward
/// against the framework's own outputs.
@Suite struct ModelImportTests {
    static var expected: [String: Any] { (try? Fixture.json("models/expected.json")) ?? [:] }

    static func path(_ name: String) -> String { Fixture.url("models/\(name)").path }

    /// Every fixture agrees with its framework to 1e-6 · max(1, |y|): the framework computed in float32 (float64
    /// for the float64 files), nnviz in float64 from the same (exactly widened) weights, so the difference is
    /// float32 rounding of a handful of products, about 1e-7 relative.
    @Test(arguments: expected.keys.sorted())
    func forwardPassMatchesTheFramework(name: String) throws {
        let c = try #require(Self.expected[name] as? [String: Any])
        let acts = try (c["activations"] as? String).map { s in
            try s.split(separator: ",").map { try #require(Activation.named(String($0))) }
        }
        let net = try NetworkResolver.resolve(Self.path(name), activations: acts,
                                              transpose: c["transpose"] as? Bool ?? false)
        let x = try Matrix(Fixture.matrix(c["inputs"]))
        let y = try net.outputs(x)
        let ref = Fixture.matrix(c["outputs"]).flatMap { $0 }
        #expect(y.data.count == ref.count, "\(name)")
        for (a, b) in zip(y.data, ref) {
            #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(name): \(a) vs \(b)")
        }
    }

    @Test func stateDictsNameLayersFromKeys() throws {
        #expect(try NetworkResolver.resolve(Self.path("torch_4_5_1.pt")).layers.map(\.name) == ["layer 0", "layer 2"])
        #expect(try NetworkResolver.resolve(Self.path("named_3_6_3.safetensors")).layers.map(\.name) == ["fc1", "fc2"])
        let deep = try NetworkResolver.resolve(Self.path("deep_12.safetensors"))
        #expect(deep.layers.map(\.name) == (0..<12).map { "layer \($0 * 2)" })
        #expect(deep.origin == "safetensors (PyTorch state dict)")
    }

    @Test func defaultActivationsAreThoseOfNpz() throws {
        #expect(try NetworkResolver.resolve(Self.path("torch_4_5_1.pt")).layers.map(\.activation) == [.relu, .sigmoid])
        #expect(try NetworkResolver.resolve(Self.path("views.pt")).layers.map(\.activation) == [.relu, .softmax])
    }

    @Test func refusalsNameWhatTheFileHolds() {
        let p = Self.path
        expectError("error: \(p("whole_module.pt")): whole_module/data.pkl: byte 2: pickles a whole model "
                    + "(torch.nn.modules.container.Sequential); nnviz reads only weights: save its state_dict() instead: "
                    + "torch.save(model.state_dict(), path)") { try NetworkResolver.resolve(p("whole_module.pt")) }
        expectError("error: \(p("conv.pt")): 0.weight: has shape (2, 1, 3, 3); a Linear layer's weight is 2-D (out, in), "
                    + "neither empty; nnviz draws networks of Linear (Dense) layers") { try NetworkResolver.resolve(p("conv.pt")) }
        expectError("error: \(p("conv.safetensors")): 0.weight: has shape (2, 1, 3, 3); a Linear layer's weight is 2-D "
                    + "(out, in), neither empty; nnviz draws networks of Linear (Dense) layers") { try NetworkResolver.resolve(p("conv.safetensors")) }
        expectError("error: \(p("batchnorm.pt")): 1.running_mean: is not a Linear layer's weight or bias; nnviz draws "
                    + "networks of Linear (Dense) layers") { try NetworkResolver.resolve(p("batchnorm.pt")) }
        expectError("error: \(p("torch_layout.npz")): W1.npy: has shape (5, 4) but b1 has shape (5,), 5 neurons: it looks "
                    + "stored out × in (PyTorch's layout); save W1.T, W2.T or pass transpose") { try NetworkResolver.resolve(p("torch_layout.npz")) }
        expectError("error: the activations: has 3 names but \(p("torch_4_5_1.safetensors")) has 2 layers") {
            try NetworkResolver.resolve(p("torch_4_5_1.safetensors"), activations: [.relu, .relu, .relu])
        }
        expectError("error: transpose: applies only to .npz networks; \(p("torch_4_5_1.pt")) is a PyTorch zip archive (a .pt file?)") {
            try NetworkResolver.resolve(p("torch_4_5_1.pt"), transpose: true)
        }
    }

    /// A file whose content contradicts its extension is refused naming both.
    @Test func contentWinsOverExtension() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func copy(_ name: String, as target: String) throws -> String {
            let to = dir.appendingPathComponent(target)
            try FileManager.default.copyItem(at: Fixture.url("models/\(name)"), to: to)
            return to.path
        }
        let st = try copy("torch_4_5_1.pt", as: "m.safetensors")
        expectError("error: \(st): is a PyTorch zip archive (a .pt file?), not a safetensors file as .safetensors says") {
            try NetworkResolver.resolve(st)
        }
        let h5 = try copy("torch_4_5_1.safetensors", as: "m.h5")
        expectError("error: \(h5): is a safetensors file, not an HDF5 file as .h5 says") { try NetworkResolver.resolve(h5) }
        let npz = try copy("torch_4_5_1.pt", as: "m.npz")
        expectError("error: \(npz): is a PyTorch zip archive (a .pt file?), not a NumPy .npz archive as .npz says") {
            try NetworkResolver.resolve(npz)
        }
        // No extension, or one nnviz does not know: the content decides.
        let bare = try copy("torch_4_5_1.safetensors", as: "weights")
        #expect(try NetworkResolver.resolve(bare).sizes == [4, 5, 1])
        let bin = try copy("torch_4_5_1.pt", as: "pytorch_model.bin")
        #expect(try NetworkResolver.resolve(bin).sizes == [4, 5, 1])
    }

    @Test func halfAndBFloat16WidenExactly() {
        #expect(TensorDType.half(0x3C00) == 1)
        #expect(TensorDType.half(0xC000) == -2)
        #expect(TensorDType.half(0x0001) == 0x1p-24)          // smallest subnormal
        #expect(TensorDType.half(0x7BFF) == 65504)             // largest normal
        #expect(TensorDType.half(0x7C00) == .infinity)
        #expect(TensorDType.half(0x7E00).isNaN)
        let bf: [UInt8] = [0x80, 0x3F]                          // 1.0 in bfloat16, little-endian
        #expect(bf.withUnsafeBytes { TensorDType.bfloat16.values($0, offset: 0, count: 1) } == [1])
    }

    @Test func naturalOrderComparesNumbersAsNumbers() {
        let keys = ["10", "2", "fc10", "fc2", "layers.1", "layers.0", "0"]
        #expect(keys.sorted(by: StateDictNetwork.naturalLess) == ["0", "2", "10", "fc2", "fc10", "layers.0", "layers.1"])
    }
}
