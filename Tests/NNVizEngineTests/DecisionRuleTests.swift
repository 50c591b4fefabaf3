import Testing
import NNVizEngine
import NNVizTestSupport

/// One decision rule: an output's threshold is its activation's neutral value, several outputs take the arg-max.
@Suite struct DecisionRuleTests {
    @Test func thresholdsAreTheNeutralValues() {
        #expect(Activation.sigmoid.decisionThreshold == 0.5 && Activation.step.decisionThreshold == 0.5)
        #expect(Activation.softmax.decisionThreshold == 0.5)
        for a in [Activation.tanh, .linear, .relu, .leakyReLU(slope: 0.01)] { #expect(a.decisionThreshold == 0, "\(a.label)") }
    }

    @Test func argmaxIsNumPys() {
        #expect(DecisionRule.argmax([0.2, 0.7, 0.1]) == 1)
        #expect(DecisionRule.argmax([0.4, 0.4, 0.2]) == 0, "the first of ties")
        #expect(DecisionRule.argmax([1, .nan, 2, .nan]) == 1, "the first NaN, as np.argmax")
        #expect(DecisionRule.argmax([-Double.infinity, -Double.infinity]) == 0)
        #expect(DecisionRule.argmax([Double]()) == 0)
        let t = [3.0, 1, 2.5].withUnsafeBufferPointer { DecisionRule.topTwo($0) }
        #expect(t.index == 0 && t.top == 3 && t.second == 2.5)
    }

    @Test func oneOutputIsAboveItsThreshold() throws {
        #expect(DecisionRule.threshold(0.5).predictedClass([0.5]) == 0, "strictly above")
        #expect(DecisionRule.threshold(0.5).predictedClass([0.51]) == 1)
        #expect(DecisionRule.threshold(0).predictedClass([-0.01]) == 0)
        func single(_ act: Activation) throws -> Network {
            try Network(name: "n", inputLabels: ["x"], layers: [
                Layer(name: "output", activation: act, weights: try Matrix([[1]]), bias: [0], neuronLabels: ["y"]),
            ])
        }
        #expect(try single(.sigmoid).decisionRule == .threshold(0.5))
        #expect(try single(.tanh).decisionRule == .threshold(0))
        // tanh(0.1) > 0 is class 1, though it is below 0.5; sigmoid(0.1) ≈ 0.52 is class 1, sigmoid(-0.1) class 0.
        let x = try Matrix([[0.1], [-0.1], [0]])
        #expect(try single(.tanh).predict(x) == [1, 0, 0])
        #expect(try single(.sigmoid).predict(x) == [1, 0, 0])
        #expect(try single(.linear).forward(x).predictedClasses(single(.linear).decisionRule) == [1, 0, 0])
    }

    @Test func severalOutputsTakeTheArgmax() throws {
        let iris = try #require(BundledExample.named("iris")).network()
        #expect(iris.decisionRule == .argmax)
        let batch = try SampleLoader.random(count: 20, seed: 3, for: iris)
        let trace = try iris.forward(batch)
        let expected = (0..<20).map { r in (0..<3).max { trace.output[r, $0] < trace.output[r, $1] } ?? -1 }
        #expect(try iris.predict(batch) == expected)
        #expect(trace.predictedClasses(.argmax) == expected)
    }

    @Test func predictRefusesWhatForwardRefuses() throws {
        let xor = try NetworkResolver.resolve("xor")
        #expect(throws: NNVizError("batch", "", "samples have 3 values but xor takes 2 inputs (x1, x2)")) {
            try xor.predict(try Matrix([[1, 2, 3]]))
        }
        #expect(try xor.predict(try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])) == [0, 1, 1, 0])
    }
}
