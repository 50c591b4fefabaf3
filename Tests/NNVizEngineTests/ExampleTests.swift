import Foundation
import Testing
@testable import NNVizEngine

@Suite struct ExampleTests {
    @Test func everyExampleLoadsAndMatchesNumPy() throws {
        let fixture = try Fixture.json("examples.json")
        #expect(BundledExample.all.map(\.name) == ["neuron", "xor", "xor-sigmoid", "xor-no-activation", "tiny-net", "homework", "iris", "mlp-784", "xor-train", "xor-linear", "moons-train", "blobs-train", "spirals-wide", "spirals-deep"])
        for example in BundledExample.all {
            let net = try example.network()
            #expect(net.name == example.name)
            let f = try #require(fixture[example.name] as? [String: Any], "fixture for \(example.name)")
            if let ws = f["weights"] as? [[String]], let bs = f["biases"] as? [[String]] {
                for (k, layer) in net.layers.enumerated() {
                    #expect(layer.weights.data.map(\.bitPattern) == ws[k].map { Fixture.double(bits: $0).bitPattern })
                    #expect(layer.bias.map(\.bitPattern) == bs[k].map { Fixture.double(bits: $0).bitPattern })
                }
            }
            let x = try Matrix(Fixture.matrix(f["input"]))
            let trace = try net.forward(x)
            let pre = f["pre"] as? [Any] ?? [], post = f["post"] as? [Any] ?? []
            #expect(pre.count == net.layers.count)
            for k in net.layers.indices {
                expectClose(trace.pre[k].data, Fixture.matrix(pre[k]).flatMap { $0 }, "\(example.name) pre \(k)")
                expectClose(trace.post[k].data, Fixture.matrix(post[k]).flatMap { $0 }, "\(example.name) post \(k)")
            }
        }
    }

    /// The worked example: tiny-net on [0.6, 0.1, 0.9, 0.4] (values from NumPy via the fixture).
    @Test func tinyNetWorkedExample() throws {
        let f = try #require(try Fixture.json("examples.json")["tiny-net"] as? [String: Any])
        let post = f["post"] as? [Any] ?? []
        let hidden = Fixture.matrix(post[0])[0], output = Fixture.matrix(post[1])[0]
        let net = try NetworkResolver.resolve("tiny-net")
        let trace = try net.forward(try Matrix([[0.6, 0.1, 0.9, 0.4]]))
        expectClose(trace.post[0].data, hidden, "hidden")
        expectClose(trace.post[1].data, output, "output")
        // The rounded values the issue quotes, as a cross-check of the fixture itself.
        #expect(hidden.map { ($0 * 1e4).rounded() / 1e4 } == [0.6119, 1.1208, 0.5875, 0.7845, 0.6097])
        #expect((output[0] * 1e4).rounded() / 1e4 == 0.5597)
    }

    /// The trained examples are `nnviz train`'s output byte for byte, as `Examples/spirals/train.sh` writes it.
    @Test func trainedExamplesAreTheFilesTrainingWrote() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["spirals-wide", "spirals-deep"] {
            let file = try String(contentsOf: root.appendingPathComponent("Examples/spirals/\(name).yaml"), encoding: .utf8)
            #expect(try #require(BundledExample.named(name)).yaml + "\n" == file, "\(name)")
        }
    }

    @Test func xorCornersAndSigmoidRounding() throws {
        let corners = try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(try NetworkResolver.resolve("xor").forward(corners).output.data == [0, 1, 1, 0])
        let soft = try NetworkResolver.resolve("xor-sigmoid").forward(corners).output.data
        #expect(soft.map { $0.rounded() } == [0, 1, 1, 0])
    }

    @Test func irisShapeLabelsAndTotal() throws {
        let iris = try NetworkResolver.resolve("iris")
        #expect(iris.parameterCount == 139)
        #expect(iris.parameterFormula == "4·8+8 + 8·8+8 + 8·3+3 = 139")
        #expect(iris.inputLabels == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect(iris.outputLabels == ["setosa", "versicolor", "virginica"])
        #expect(try NetworkResolver.resolve("neuron").inputLabels == ["x1", "x2", "x3"])
    }
}
