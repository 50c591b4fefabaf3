import Foundation
import Testing
import NNVizTestSupport

/// The built binary on models saved by Keras (`NNVizEngineTests/Fixtures/make_models.py keras`): every figure
/// command and `report` render them, and `summary` says where the network came from.
@Suite struct KerasCommandTests {
    static let xor = NNVizBinary.fixture("models/keras_xor.keras")

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-keras-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [
        ["diagram", xor, "--sample", "1,0", "-o", "d.png"],
        ["heatmap", xor, "--random", "8", "-o", "h.png"],
        ["regions", xor, "--data", "xor", "--resolution", "80", "-o", "r.png"],
        ["diagram", NNVizBinary.fixture("models/keras_xor.h5"), "-o", "h5.png"],
    ])
    func figuresRender(_ args: [String]) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(args, cwd: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(args): \(r.stderr)")
        let png = try [UInt8](Data(contentsOf: dir.appendingPathComponent(args[args.count - 1])))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(args): writes a PNG")
    }

    @Test func reportRenders() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["report", Self.xor, "--data", "xor", "-o", "out", "--quiet"], cwd: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let json = try String(contentsOf: dir.appendingPathComponent("out/xor/report.json"), encoding: .utf8)
        #expect(json.contains("\"hidden\""), "the report names the Keras layers")
    }

    /// `summary` lists every Keras layer and what became of it: kept, folded into a Dense, skipped.
    @Test func summarySaysWhereTheModelCameFrom() throws {
        let r = try NNVizBinary.run(["summary", NNVizBinary.fixture("models/keras_4_8_8_3.keras")])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == """
            four_eight_eight_three: 4→8→8→3
            from: Keras 3 .keras (Sequential 'four_eight_eight_three')
            inputs: x1, x2, x3, x4
            outputs: y1, y2, y3

            layer     shape  activation  weights  biases  parameters
            dense_in  4 × 8  relu             32       8          40
            no_bias   8 × 8  leaky_relu       64       8          72
            logits    8 × 3  softmax          24       3          27

            total: 4·8+8 + 8·8+8 + 8·3+3 = 139 parameters

            source layers:
            source layer   type        in nnviz
            input_layer_1  InputLayer  the input (4 features)
            dense_in       Dense       layer 'dense_in' (activation relu)
            dropout        Dropout     skipped (identity at inference)
            no_bias        Dense       layer 'no_bias' (no bias, activation leaky_relu from 'leaky')
            leaky          LeakyReLU   folded into 'no_bias' (leaky_relu)
            logits         Dense       layer 'logits' (activation softmax from 'probabilities')
            probabilities  Activation  folded into 'logits' (softmax)

            """)
        let json = try NNVizBinary.run(["summary", "--json", NNVizBinary.fixture("models/keras_xor.h5")])
        #expect(json.stdout.contains("""
              "source": {
                "format": "Keras 3.15.1 legacy .h5 (Sequential 'xor')",
                "layers": [
                  {"name": "input_layer", "type": "InputLayer", "fate": "the input (2 features)"},
            """))
    }

    @Test func refusalIsOneLine() throws {
        let conv = NNVizBinary.fixture("models/keras-conv.keras")
        let r = try NNVizBinary.run(["summary", conv])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "error: \(conv): config.json: layer 'conv2d' (Conv2D) is not a dense layer: nnviz draws networks of Dense layers\n")
    }
}
