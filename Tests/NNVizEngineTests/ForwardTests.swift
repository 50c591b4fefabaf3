import Testing
@testable import NNVizEngine
import NNVizTestSupport

@Suite struct ForwardTests {
    /// The hand-picked XOR network of the lessons: step units OR and AND, output OR − 2·AND.
    static let xor = fixture {
        try Network(
            name: "xor", inputLabels: ["x1", "x2"],
            layers: [
                Layer(name: "hidden", activation: .step, weights: try Matrix([[1, 1], [1, 1]]), bias: [-0.5, -1.5], neuronLabels: ["OR", "AND"]),
                Layer(name: "output", activation: .step, weights: try Matrix([[1], [-2]]), bias: [-0.5], neuronLabels: ["xor"]),
            ])
    }

    @Test func xorTruthTable() throws {
        let corners = try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
        let trace = try Self.xor.forward(corners)
        #expect(trace.output.data == [0, 1, 1, 0])
        #expect(trace.post[0].rowArrays == [[0, 0], [1, 0], [1, 0], [1, 1]])
        #expect(trace.pre[0].rowArrays == [[-0.5, -1.5], [0.5, -0.5], [0.5, -0.5], [1.5, 0.5]])
    }

    @Test func widthMismatchIsAnError() {
        #expect(throws: NNVizError("--sample", "", "samples have 3 values but xor takes 2 inputs (x1, x2)")) {
            try Self.xor.forward(try Matrix([[1, 2, 3]]), source: "--sample")
        }
    }

    @Test func sigmoidAndSoftmaxStayFiniteAtExtremes() {
        #expect(Activation.sigmoid.apply([1e4, -1e4, 0]) == [1, 0, 0.5])
        let s = Activation.softmax.apply([1e4, -1e4, 1e4])
        #expect(s == [0.5, 0, 0.5])
    }

    @Test func parameterFormula() {
        #expect(Self.xor.parameterFormula == "2·2+2 + 2·1+1 = 9")
    }
}

@Suite struct ForwardSplitTests {
    /// A batch large enough to be split across cores gives bit-identical values to running each row alone.
    @Test func chunkedBatchEqualsRowByRow() throws {
        let net = try Network.generated(name: "n", sizes: [3, 16, 16, 4], activations: [.tanh, .leakyReLU(slope: 0.01), .softmax],
                                    seed: 4, scale: 1, bias: .random)
        var rng = NumPyRandom(seed: 9)
        let x = rng.randn(rows: 5000, cols: 3)
        let all = try net.forward(x)
        for r in stride(from: 0, to: 5000, by: 97) {
            let one = try net.forward(Matrix(rows: 1, cols: 3, data: Array(x.row(r))))
            for k in net.layers.indices {
                #expect(Array(all.pre[k].row(r)).map(\.bitPattern) == one.pre[k].data.map(\.bitPattern))
                #expect(Array(all.post[k].row(r)).map(\.bitPattern) == one.post[k].data.map(\.bitPattern))
            }
        }
        #expect(try net.forward(Matrix(rows: 0, cols: 3)).output.rows == 0)
    }
}
