import Foundation
import Testing
import NNVizTestSupport

/// ONNX models through the built binary: `summary` says where they came from, the figure commands and `report`
/// draw them, a Conv is refused in one line.
@Suite struct ONNXCommandTests {
    static func model(_ name: String) -> String { NNVizBinary.fixture("models/\(name)") }

    @Test func summarySaysWhereTheModelCameFrom() throws {
        let r = try NNVizBinary.run(["summary", Self.model("torch_4_5_1.onnx")])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("from: ONNX from pytorch 2.15.0+cu132, opset 20\n"), "\(r.stdout)")
        #expect(r.stdout.contains("layer 0") && r.stdout.contains("layer 2"), "\(r.stdout)")
    }

    @Test func figuresAndReportDrawAnONNXModel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-onnx-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [[String]] = [
            ["diagram", Self.model("torch_4_5_1.onnx"), "--sample", "0.1,-0.2,0.3,0.4", "-o", "diagram.png"],
            ["heatmap", Self.model("named_3_6_3.onnx"), "--random", "8", "-o", "heatmap.png"],
            ["regions", Self.model("gemm_alpha_beta.onnx"), "--resolution", "60", "-o", "regions.png"],
            ["report", Self.model("gemm_alpha_beta.onnx"), "--random", "6", "-o", "report"],
        ]
        for args in runs {
            let r = try NNVizBinary.run(args, cwd: dir)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(args): \(r.stderr)")
        }
        for file in ["diagram.png", "heatmap.png", "regions.png", "report/gemm_alpha_beta/index.html"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect(data.count > 1000, "\(file)")
        }
        let report = try String(contentsOf: dir.appendingPathComponent("report/gemm_alpha_beta/report.json"), encoding: .utf8)
        #expect(report.contains("\"g1\"") || report.contains("Wa"), "layer names from the ONNX initializers")
    }

    @Test func convIsRefusedByItsNode() throws {
        let r = try NNVizBinary.run(["diagram", Self.model("conv.onnx"), "-o", "/nonexistent/x.png"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: \(Self.model("conv.onnx")): node '/0/Conv' (Conv) is not a dense layer: nnviz reads "
                + "Gemm or MatMul and Add layers and Relu, Sigmoid, Tanh, Softmax or LeakyRelu activations\n")
    }
}
