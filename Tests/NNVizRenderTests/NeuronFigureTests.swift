import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// The neuron anatomy figure: the lesson's single-neuron cell, number for number (NumPy: x*w = [0.2, -0.18, 0.07],
/// z = x@w + b = 0.19, 1/(1+exp(-z)) = 0.5473576181430894).
@Suite struct NeuronFigureTests {
    static func figure(_ name: String, sample: [Double], layer: String? = nil, neuron: String? = nil,
                       options: FigureOptions = FigureOptions()) throws -> NeuronFigure {
        let net = try FigureTestSupport.example(name)
        let (l, j) = try NeuronAnatomy.locate(net, layer: layer, neuron: neuron, source: name)
        let trace = try net.forward(Matrix([sample]))
        return NeuronFigure(network: net, anatomy: NeuronAnatomy(network: net, trace: trace, sample: 0, layer: l, neuron: j),
                            sample: sample, options: options)
    }

    static func text(_ scene: Scene, _ role: String, _ name: String) -> String? {
        guard case .text(let s, _, _, _, _, _, _)? = scene.item(role: role, name: name)?.primitive else { return nil }
        return s
    }

    @Test func lessonNeuronShowsEveryNumber() throws {
        let f = try Self.figure("neuron", sample: [0.5, 0.9, 0.1])
        let a = f.anatomy
        // Tolerance: one rounding of each product and of the sum, far below the 3 decimals shown.
        for (v, ref) in zip(a.products, [0.2, -0.18, 0.07]) { #expect(abs(v - ref) < 1e-15) }
        #expect(abs(a.z - 0.19) < 1e-15)
        #expect(abs(a.output - 0.5473576181430894) < 1e-15)
        let scene = f.scene(measurer: FigureTestSupport.measurer)
        #expect(Self.text(scene, "product", "x1") == "0.2")
        #expect(Self.text(scene, "product", "x2") == "−0.18")
        #expect(Self.text(scene, "product", "x3") == "0.07")
        #expect(Self.text(scene, "weight", "x2") == "−0.2")
        #expect(Self.text(scene, "input-value", "x3") == "0.1")
        #expect(Self.text(scene, "sum", "sum") == "0.09")
        #expect(Self.text(scene, "bias", "bias") == "0.1")
        #expect(Self.text(scene, "z", "z") == "0.19")
        #expect(Self.text(scene, "output", "output") == "0.547")
        #expect(Self.text(scene, "equation", "z") == "z = 0.2 + (−0.18) + 0.07 + 0.1 = 0.19")
        #expect(Self.text(scene, "equation", "output") == "σ(0.19) = 0.547")
        // z is marked on the sigmoid curve, at the output's height.
        guard case .circle(let c, _, _, _)? = scene.item(role: "z-mark", name: "z")?.primitive else { Issue.record("no z mark"); return }
        let ticks = FigureTestSupport.texts(scene, role: "axis-label")
        #expect(ticks.contains { $0.text == "1.0" } && ticks.contains { $0.text == "0.0" })
        let zero = try #require(ticks.first { $0.text == "0.0" }), one = try #require(ticks.first { $0.text == "1.0" })
        let fraction = (zero.rect.center.y - c.y) / (zero.rect.center.y - one.rect.center.y)
        #expect(abs(fraction - 0.5474) < 0.01)
        #expect(scene.items(role: "curve").count == 1)
    }

    @Test func layersAndNeuronsCountFromOneAndAcceptNames() throws {
        let net = try FigureTestSupport.example("iris")
        #expect(try NeuronAnatomy.locate(net, layer: "1", neuron: "2", source: "iris") == (0, 1))
        #expect(try NeuronAnatomy.locate(net, layer: nil, neuron: "versicolor", source: "iris") == (2, 1))
        #expect(try NeuronAnatomy.locate(net, layer: "output", neuron: "3", source: "iris") == (2, 2))
        #expect(try NeuronAnatomy.locate(net, layer: nil, neuron: nil, source: "iris") == (0, 0))
        #expect(throws: NNVizError("iris", "layer", "is 4 but iris has 3 layers after its inputs (count from 1)")) {
            _ = try NeuronAnatomy.locate(net, layer: "4", neuron: nil, source: "iris")
        }
        #expect(throws: NNVizError("iris", "neuron", "is 9 but layer hidden 1 has 8 neurons (count from 1)")) {
            _ = try NeuronAnatomy.locate(net, layer: "1", neuron: "9", source: "iris")
        }
        #expect(throws: NNVizError("iris", "neuron", "layer output has no neuron 'versicolour'; did you mean 'versicolor'? e.g. setosa, versicolor, virginica")) {
            _ = try NeuronAnatomy.locate(net, layer: "3", neuron: "versicolour", source: "iris")
        }
    }

    @Test func wideLayersListTheFirstInputsAndCountTheRest() throws {
        let net = try FigureTestSupport.example("tiny-net")
        let f = try Self.figure("mlp-784", sample: [Double](repeating: 0.5, count: 784), layer: "1", neuron: "3")
        let scene = f.scene(measurer: FigureTestSupport.measurer)
        #expect(scene.items(role: "product").count == NeuronFigure.maxRows - 1)
        #expect(scene.texts.contains("⋮ 773 more inputs, in the sum"))
        #expect(abs(f.anatomy.sum + f.anatomy.bias - f.anatomy.z) < 1e-12)
        _ = net
    }

    /// Softmax: the neuron's curve holds the other outputs fixed, and passes through the traced output at z.
    @Test func softmaxCurvePassesThroughTheOutput() throws {
        let f = try Self.figure("iris", sample: [5.1, 3.5, 1.4, 0.2], neuron: "versicolor")
        #expect(abs(f.anatomy.curve(f.anatomy.z) - f.anatomy.output) < 1e-12)
    }

    @Test(arguments: [(nil, nil), (420.0, 300.0), (1280.0, 720.0), (500.0, 900.0)] as [(Double?, Double?)])
    func everySizeKeepsTextInsideTheCanvas(_ w: Double?, _ h: Double?) throws {
        let f = try Self.figure("neuron", sample: [0.5, 0.9, 0.1], options: FigureOptions(width: w, height: h))
        let scene = f.scene(measurer: FigureTestSupport.measurer)
        for role in ["product", "output", "z", "title", "z-label", "axis-label"] {
            for t in FigureTestSupport.texts(scene, role: role) {
                #expect(t.rect.x >= 0 && t.rect.maxX <= scene.width + 0.5 && t.rect.maxY <= scene.height + 0.5, "\(role) \(t.text)")
            }
        }
    }
}
