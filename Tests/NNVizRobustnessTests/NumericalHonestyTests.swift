import Foundation
import Testing
@testable import NNVizEngine

/// Extreme but finite values stay finite and correct; values that overflow are refused with their place.
@Suite struct NumericalHonestyTests {
    func net(_ activation: Activation, weights: [[Double]], bias: [Double]) throws -> Network {
        let w = try Matrix(weights)
        return try Network(name: "t", inputLabels: Network.defaultInputLabels(w.rows),
                       layers: [Layer(name: "output", activation: activation, weights: w, bias: bias,
                                      neuronLabels: Network.defaultNeuronLabels(layerIndex: 0, layerCount: 1, width: w.cols))])
    }

    /// At |z| = 1e4 the exact results round to these doubles: e^-1e4 is far below the smallest subnormal.
    @Test func squashingActivationsAtPlusMinus1e4() throws {
        let z: [Double] = [1e4, -1e4, 0, 745, -745]
        #expect(Activation.sigmoid.apply(z) == [1, 0, 0.5, 1, exp(-745.0)])
        #expect(Activation.tanh.apply(z) == [1, -1, 0, 1, -1])
        let soft = Activation.softmax.apply([1e4, -1e4, 0])
        #expect(soft == [1, 0, 0])
        let equal = Activation.softmax.apply([1e4, 1e4])
        #expect(equal == [0.5, 0.5])
        for a in Activation.allNames.compactMap({ Activation.named($0) }) {
            #expect(a.apply(z).allSatisfy { $0.isFinite }, "\(a.label) is not finite at ±1e4")
        }
    }

    @Test func forwardAtPlusMinus1e4IsFinite() throws {
        for a in Activation.allNames.compactMap({ Activation.named($0) }) {
            let trace = try net(a, weights: [[1, -1, 0.5]], bias: [0, 0, 0]).forward(try Matrix([[1e4], [-1e4]]))
            #expect(trace.post[0].data.allSatisfy { $0.isFinite }, "\(a.label)")
        }
    }

    @Test func overflowIsRefusedWithSampleAndNeuron() throws {
        let n = try net(.relu, weights: [[1e300, 1]], bias: [0, 0])
        #expect(throws: NNVizError("batch.csv", "sample 1",
                                   "output neuron y1: z = a·W + b is not finite (inf); the weights or inputs are too large")) {
            try n.forward(try Matrix([[0.5], [1e10]]), source: "batch.csv")
        }
        let cancel = try net(.linear, weights: [[1e308], [1e308]], bias: [0])
        #expect(throws: NNVizError("--sample", "sample 0",
                                   "output neuron y: z = a·W + b is not finite (inf); the weights or inputs are too large")) {
            try cancel.forward(try Matrix([[2, 2]]), source: "--sample")
        }
    }

    @Test func errorLinesStayOneLine() {
        let e = NNVizError("a\nb.json", "inputs[0]", "label 'x\ty\u{7}' ends\r\n")
        #expect(e.description == #"error: a\nb.json: inputs[0]: label 'x\ty\u{7}' ends\r\n"#)
        #expect(NNVizError("f", "", "plain").description == "error: f: plain")
    }

    @Test func byteOrderMarkedFilesLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-bom-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bom = Data([0xEF, 0xBB, 0xBF])
        let csv = dir.appendingPathComponent("b.csv"), spec = dir.appendingPathComponent("n.json")
        try (bom + Data("0.5,1\n1,0\n".utf8)).write(to: csv)
        try (bom + Data(#"{"layers": [{"activation": "step", "weights": [[1], [1]], "bias": [-0.5]}]}"#.utf8)).write(to: spec)
        let net = try NetworkSpec.load(path: spec.path)
        let batch = try SampleLoader.load(path: csv.path, for: net)
        #expect(try batch == Matrix([[0.5, 1], [1, 0]]))
    }
}
