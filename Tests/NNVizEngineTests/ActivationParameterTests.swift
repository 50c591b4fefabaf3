import Testing
@testable import NNVizEngine

/// `leaky_relu` with a slope: how it is read (specs as a mapping, command-line and `.npz` tokens), spelt, refused,
/// and computed.
@Suite struct ActivationParameterTests {
    func spec(_ text: String, source: String = "net.json") -> String {
        do {
            let n = try NetworkSpec.parse(text, source: source, defaultName: "net")
            return n.layers.map(\.activation.token).joined(separator: ",")
        } catch {
            return error.description
        }
    }

    func token(_ text: String) -> String {
        do {
            return try Activation(named: text, source: "--activations", location: "name 1").label
        } catch {
            return error.description
        }
    }

    @Test func tokensAndNames() {
        #expect(token("leaky_relu") == "leaky_relu")
        #expect(token("leaky_relu:0.2") == "leaky_relu(0.2)")
        #expect(token("leaky_relu:0.01") == "leaky_relu", "the default slope is not spelt out")
        #expect(token("leaky_relu:-1e-3") == "leaky_relu(-0.001)")
        #expect(token("relu") == "relu")
        #expect(Activation.named("leaky_relu") == .leakyReLU(slope: 0.01))
        #expect(Activation.named("leaky_relu", slope: 0.2) == .leakyReLU(slope: 0.2))
        #expect(Activation.named("relu", slope: 0.2) == nil)
        #expect(Activation.named("leaky_relu", slope: .nan) == nil)
        #expect(Activation.named("swish") == nil)
        #expect(Activation.allNames.compactMap { Activation.named($0)?.name } == Activation.allNames)
        #expect(Activation.leakyReLU(slope: 0.2).name == "leaky_relu" && Activation.leakyReLU(slope: 0.2).token == "leaky_relu:0.2")
    }

    @Test func badTokensAreRefusedWithTheirPlace() {
        #expect(token("leaky_relu:nan") == "error: --activations: name 1: the slope of leaky_relu must be a finite number, not nan")
        #expect(token("leaky_relu:-inf") == "error: --activations: name 1: the slope of leaky_relu must be a finite number, not -inf")
        #expect(token("leaky_relu:0x1p-2") == "error: --activations: name 1: the slope of leaky_relu must be a number, e.g. leaky_relu:0.2, not '0x1p-2'")
        #expect(token("leaky_relu:") == "error: --activations: name 1: the slope of leaky_relu must be a number, e.g. leaky_relu:0.2, not ''")
        #expect(token("tanh:2") == "error: --activations: name 1: tanh takes no parameter; only leaky_relu has one, its slope (e.g. leaky_relu:0.2)")
        #expect(token("leaky:0.2") == "error: --activations: name 1: unknown activation 'leaky'; valid: \(Activation.validNames)")
        #expect(token("leaky_rlu:0.2") == "error: --activations: name 1: unknown activation 'leaky_rlu'; did you mean 'leaky_relu'? valid: \(Activation.validNames)")
    }

    @Test func specsTakeAMappingWithTheSlope() {
        let layer = #""weights": [[1, -2]], "bias": [0, 0]"#
        #expect(spec(#"{"layers": [{"activation": {"name": "leaky_relu", "slope": 0.2}, \#(layer)}]}"#) == "leaky_relu:0.2")
        #expect(spec(#"{"layers": [{"activation": {"name": "leaky_relu"}, \#(layer)}]}"#) == "leaky_relu")
        #expect(spec(#"{"layers": [{"activation": "leaky_relu:0.3", \#(layer)}]}"#) == "leaky_relu:0.3")
        #expect(spec("layers:\n  - activation: {name: leaky_relu, slope: 0.25}\n    weights: [[1, 2]]\n    bias: [0, 0]", source: "n.yaml")
                == "leaky_relu:0.25")
        #expect(spec("sizes: [2, 3, 1]\nactivations: [{name: leaky_relu, slope: 0.5}, sigmoid]\ninit: {seed: 0}", source: "g.yaml")
                == "leaky_relu:0.5,sigmoid")
    }

    @Test func badSpecActivationsAreRefusedWithTheirPath() {
        let layer = #""weights": [[1, -2]], "bias": [0, 0]"#
        #expect(spec(#"{"layers": [{"activation": {"name": "relu", "slope": 0.2}, \#(layer)}]}"#)
                == "error: net.json: layers[0].activation.slope: relu takes no slope; only leaky_relu has one")
        #expect(spec(#"{"layers": [{"activation": {"name": "leaky_relu", "slope": "steep"}, \#(layer)}]}"#)
                == "error: net.json: layers[0].activation.slope: expected a number, found the string \"steep\"")
        #expect(spec("layers:\n  - activation: {name: leaky_relu, slope: .nan}\n    weights: [[1, 2]]\n    bias: [0, 0]", source: "n.yaml")
                == "error: n.yaml: layers[0].activation.slope: is not a finite number (.nan)")
        #expect(spec(#"{"layers": [{"activation": {"slope": 0.2}, \#(layer)}]}"#)
                == "error: net.json: layers[0].activation: missing 'name' (one of \(Activation.validNames))")
        #expect(spec(#"{"layers": [{"activation": {"name": "leaky_relu", "alpha": 0.2}, \#(layer)}]}"#)
                == "error: net.json: layers[0].activation.alpha: unknown key; valid keys: name, slope")
        #expect(spec(#"{"layers": [{"activation": {"name": "leaky", "slope": 0.2}, \#(layer)}]}"#)
                == "error: net.json: layers[0].activation.name: unknown activation 'leaky'; valid: \(Activation.validNames)")
    }

    @Test func forwardUsesTheSlope() throws {
        let w = try Matrix(rows: 1, cols: 3, data: [1, -1, -4])
        for slope in [0.01, 0.2, -0.5] {
            let layer = try Layer(name: "l", activation: .leakyReLU(slope: slope), weights: w, bias: [0, 0, 0], neuronLabels: ["a", "b", "c"])
            let net = try Network(name: "n", inputLabels: ["x"], layers: [layer])
            let trace = try net.forward(Matrix(rows: 1, cols: 1, data: [2]))
            #expect(trace.post[0].data == [2, slope * -2, slope * -8])
        }
    }
}
