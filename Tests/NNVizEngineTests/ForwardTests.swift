import Testing
@testable import NNVizEngine

@Suite struct ForwardTests {
    /// The hand-picked XOR network of the lessons: step units OR and AND, output OR − 2·AND.
    static let xor = Network(
        name: "xor", inputLabels: ["x1", "x2"],
        layers: [
            Layer(name: "hidden", activation: .step, weights: Matrix([[1, 1], [1, 1]])!, bias: [-0.5, -1.5], neuronLabels: ["OR", "AND"]),
            Layer(name: "output", activation: .step, weights: Matrix([[1], [-2]])!, bias: [-0.5], neuronLabels: ["xor"]),
        ])

    @Test func xorTruthTable() throws {
        let corners = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])!
        let trace = try Self.xor.forward(corners)
        #expect(trace.output.data == [0, 1, 1, 0])
        #expect(trace.post[0].rowArrays == [[0, 0], [1, 0], [1, 0], [1, 1]])
        #expect(trace.pre[0].rowArrays == [[-0.5, -1.5], [0.5, -0.5], [0.5, -0.5], [1.5, 0.5]])
    }

    @Test func widthMismatchIsAnError() {
        #expect(throws: NNVizError("--sample", "", "samples have 3 values but xor takes 2 inputs (x1, x2)")) {
            try Self.xor.forward(Matrix([[1, 2, 3]])!, source: "--sample")
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
