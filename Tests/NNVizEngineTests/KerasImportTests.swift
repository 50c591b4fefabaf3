import Foundation
import Testing
@testable import NNVizEngine

/// Keras 3 `.keras` and legacy `.h5` models saved by Keras itself (`Fixtures/make_models.py keras`). Their forward
/// passes are checked against Keras's predictions with the other frameworks' in `ModelImportTests`; here: names,
/// what was folded or skipped, refusals by content, and damaged files.
@Suite struct KerasImportTests {
    static func path(_ name: String) -> String { Fixture.url("models/\(name)").path }

    @Test func layersAreNamedAsInKeras() throws {
        let xor = try NetworkResolver.resolve(Self.path("keras_xor.keras"))
        #expect(xor.name == "xor")
        #expect(xor.layers.map(\.name) == ["hidden", "output"])
        #expect(xor.layers.map(\.activation) == [.tanh, .sigmoid])
        #expect(xor.sizes == [2, 4, 1])
        let h5 = try NetworkResolver.resolve(Self.path("keras_xor.h5"))
        #expect(h5.layers == xor.layers)
        let net = try NetworkResolver.resolve(Self.path("keras_4_8_8_3.keras"))
        #expect(net.layers.map(\.name) == ["dense_in", "no_bias", "logits"])
        #expect(net.layers.map(\.activation) == [.relu, .leakyReLU(slope: 0.01), .softmax])
        #expect(net.layers[1].bias == [Double](repeating: 0, count: 8))
        #expect(try NetworkResolver.resolve(Self.path("keras_4_8_8_3.h5")).layers == net.layers)
        // Keras 3's leaky_relu activation name means slope 0.2; a LeakyReLU layer's negative_slope is folded as given.
        let leaky = try NetworkResolver.resolve(Self.path("keras_leaky.keras"))
        #expect(leaky.layers.map(\.activation) == [.leakyReLU(slope: 0.2), .leakyReLU(slope: 0.2), .linear])
    }

    /// `summary`'s source table: every Keras layer with what became of it.
    @Test func provenanceSaysWhatWasFoldedAndSkipped() throws {
        let net = try NetworkResolver.resolve(Self.path("keras_4_8_8_3.keras"))
        let p = try #require(net.provenance)
        #expect(p.format == "Keras 3 .keras (Sequential 'four_eight_eight_three')")
        #expect(p.layers.map { "\($0.name) \($0.type): \($0.fate.text)" } == [
            "input_layer_1 InputLayer: the input (4 features)",
            "dense_in Dense: layer 'dense_in' (activation relu)",
            "dropout Dropout: skipped (identity at inference)",
            "no_bias Dense: layer 'no_bias' (no bias, activation leaky_relu from 'leaky')",
            "leaky LeakyReLU: folded into 'no_bias' (leaky_relu)",
            "logits Dense: layer 'logits' (activation softmax from 'probabilities')",
            "probabilities Activation: folded into 'logits' (softmax)",
        ])
        let h5 = try #require(try NetworkResolver.resolve(Self.path("keras_4_8_8_3.h5")).provenance)
        #expect(h5.format == "Keras 3.15.1 legacy .h5 (Sequential 'four_eight_eight_three')")
        let fun = try #require(try NetworkResolver.resolve(Self.path("keras_functional.keras")).provenance)
        #expect(fun.format == "Keras 3 .keras (Functional 'functional')")
        #expect(fun.layers.map(\.fate) == [.input(features: 3), .layer("first", detail: "activation relu from 'relu'"),
                                          .folded(into: "first", detail: "relu"), .layer("second", detail: "activation tanh"),
                                          .layer("last", detail: "activation softmax from 'softmax'"),
                                          .folded(into: "last", detail: "softmax")])
        let sd = try #require(try NetworkResolver.resolve(ModelImportTests.path("named_3_6_3.pt")).provenance)
        #expect(sd.layers.map(\.name) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"])
        #expect(sd.layers[0].type == "tensor (6, 3)" && sd.layers[0].fate == .layer("fc1", detail: "weights, transposed from (out, in)"))
    }

    @Test func refusalsNameTheLayer() {
        let p = Self.path
        expectError("error: \(p("keras-conv.keras")): config.json: layer 'conv2d' (Conv2D) is not a dense layer: nnviz draws "
                    + "networks of Dense layers") { try NetworkResolver.resolve(p("keras-conv.keras")) }
        expectError("error: \(p("keras-lstm.keras")): config.json: layer 'lstm' (LSTM) is recurrent: nnviz draws feed-forward "
                    + "networks of Dense layers") { try NetworkResolver.resolve(p("keras-lstm.keras")) }
        expectError("error: \(p("keras-branch.keras")): config.json: layer 'right' (Dense) takes its input from 'a', not from "
                    + "'left' listed before it: the model branches; nnviz draws a single chain of layers") {
            try NetworkResolver.resolve(p("keras-branch.keras"))
        }
        expectError("error: the activations: applies only to .npz networks and state dicts; \(p("keras_xor.h5")) names its "
                    + "activations itself") { try NetworkResolver.resolve(p("keras_xor.h5"), activations: [.relu, .relu]) }
    }

    /// Extension and content disagreeing, truncated and lying HDF5 files: one plain line each.
    @Test func damagedAndMislabelledFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-keras-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ bytes: [UInt8], as name: String) throws -> String {
            let to = dir.appendingPathComponent(name)
            try Data(bytes).write(to: to)
            return to.path
        }
        let keras = try [UInt8](Data(contentsOf: Fixture.url("models/keras_xor.keras")))
        let h5 = try [UInt8](Data(contentsOf: Fixture.url("models/keras_xor.h5")))
        let zipAsH5 = try write(keras, as: "model.h5")
        expectError("error: \(zipAsH5): is a zip archive holding config.json (a .keras file?), not an HDF5 file as .h5 says") {
            try NetworkResolver.resolve(zipAsH5)
        }
        let h5AsKeras = try write(h5, as: "model.keras")
        expectError("error: \(h5AsKeras): is an HDF5 file (a .h5 file?), not a zip archive holding config.json as .keras says") {
            try NetworkResolver.resolve(h5AsKeras)
        }
        #expect(try NetworkResolver.resolve(try write(h5, as: "model")).sizes == [2, 4, 1])   // no extension: content decides
        let cut = try write(Array(h5.prefix(h5.count / 2)), as: "cut.h5")
        expectError("error: \(cut): is truncated: its HDF5 superblock says it ends at byte \(h5.count) but it has \(h5.count / 2) bytes") {
            try NetworkResolver.resolve(cut)
        }
        var v9 = h5
        v9[8] = 9
        let version = try write(v9, as: "v9.h5")
        expectError("error: \(version): uses HDF5 superblock version 9; nnviz reads versions 0 to 3 (HDF5 1.8 to 1.12)") {
            try NetworkResolver.resolve(version)
        }
        let short = try write(Array(h5.prefix(20)), as: "short.h5")
        expectError("error: \(short): is 20 bytes, too short for an HDF5 superblock") { try NetworkResolver.resolve(short) }
        // The superblock intact, the rest zeroed: libhdf5 refuses it, and only nnviz's line is the error.
        let blank = try write(Array(h5.prefix(96)) + [UInt8](repeating: 0, count: h5.count - 96), as: "blank.h5")
        expectError("error: \(blank): is not a readable HDF5 file (damaged or truncated; HDF5 refused to open it)") {
            try NetworkResolver.resolve(blank)
        }
        // A weights file without a model config (model.save_weights) says what to save instead.
        let weights = Self.path("keras_xor.weights.h5")
        expectError("error: \(weights): holds no 'model_config': an HDF5 file of weights only (save_weights?); save the whole "
                    + "model with model.save(\"m.keras\") or model.save(\"m.h5\")") { try NetworkResolver.resolve(weights) }
    }

    /// Dataset sizes are checked against the parameter limit before libhdf5 reads them.
    @Test func parameterLimitIsCheckedBeforeReading() {
        let p = Self.path("keras_4_8_8_3.keras")
        expectError("error: \(p): model.weights.h5: layers/dense_1/vars/0: has shape (8, 8): more values than the parameter limit allows") {
            try NetworkResolver.resolve(p, limits: LoadLimits(maxParameters: 60))
        }
    }

    @Test func snakeCaseIsKerasOwn() {
        #expect(["Dense", "LeakyReLU", "ReLU", "InputLayer", "Conv2D", "GaussianNoise", "LSTM", "HTTPServer2Layer"]
            .map(KerasFile.snakeCase) == ["dense", "leaky_re_lu", "re_lu", "input_layer", "conv2d", "gaussian_noise", "lstm",
                                          "http_server2_layer"])
    }
}
