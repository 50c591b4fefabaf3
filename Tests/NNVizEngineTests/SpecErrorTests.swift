import Testing
@testable import NNVizEngine

/// One test per error class, each pinning the exact one-line message.
@Suite struct SpecErrorTests {
    func message(_ text: String, source: String = "net.json", limits: LoadLimits = LoadLimits()) -> String {
        do {
            _ = try NetworkSpec.parse(text, source: source, defaultName: "net", limits: limits)
            return "loaded"
        } catch {
            return error.description
        }
    }

    static let layer0 = #"{"activation": "step", "weights": [[1, 1], [1, 1]], "bias": [-0.5, -1.5]}"#

    @Test func shapeMismatchBetweenLayers() {
        #expect(message(#"{"layers": [\#(Self.layer0), {"activation": "step", "weights": [[1], [-2], [3]], "bias": [0]}]}"#)
                == "error: net.json: layers[1].weights: has 3 rows but layer 0 has 2 neurons")
    }

    @Test func raggedMatrix() {
        #expect(message(#"{"layers": [{"activation": "relu", "weights": [[1, 2], [3]], "bias": [0, 0]}]}"#)
                == "error: net.json: layers[0].weights[1]: has 1 values but row 0 has 2 (ragged matrix)")
    }

    @Test func biasLength() {
        #expect(message(#"{"layers": [{"activation": "relu", "weights": [[1, 2]], "bias": [0, 0, 0]}]}"#)
                == "error: net.json: layers[0].bias: has 3 values but the layer has 2 neurons (columns of weights)")
    }

    @Test func unknownActivationListsValidOnes() {
        #expect(message(#"{"layers": [{"activation": "sigmoud", "weights": [[1]], "bias": [0]}]}"#)
                == "error: net.json: layers[0].activation: unknown activation 'sigmoud'; did you mean 'sigmoid'? valid: linear, step, sigmoid, tanh, relu, leaky_relu, softmax")
        #expect(message("sizes: [2, 1]\nactivations: [swish]\ninit: {seed: 0}", source: "n.yaml")
                == "error: n.yaml: activations[0]: unknown activation 'swish'; valid: linear, step, sigmoid, tanh, relu, leaky_relu, softmax")
    }

    @Test func nonFiniteNumbersWithTheirIndex() {
        #expect(message(#"{"layers": [{"activation": "relu", "weights": [[1, 2]], "bias": [0, NaN]}]}"#)
                == "error: net.json: layers[0].bias[1]: is not a finite number (NaN)")
        #expect(message("layers:\n  - activation: relu\n    weights: [[1, .inf]]\n    bias: [0, 0]", source: "n.yaml")
                == "error: n.yaml: layers[0].weights[0][1]: is not a finite number (.inf)")
        #expect(message(#"{"layers": [{"activation": "relu", "weights": [["1"]], "bias": [0]}]}"#)
                == "error: net.json: layers[0].weights[0][0]: expected a number, found the string \"1\"")
    }

    @Test func emptyNetwork() {
        #expect(message(#"{"layers": []}"#) == "error: net.json: layers: is empty; a network needs at least one layer")
        #expect(message(#"{"name": "x"}"#)
                == "error: net.json: has no layers; give 'layers' (explicit weights) or 'sizes', 'activations' and 'init' (generated)")
        #expect(message("") == "error: net.json: is empty")
    }

    @Test func sizesActivationsMismatch() {
        #expect(message("sizes: [4, 5, 1]\nactivations: [relu]\ninit: {seed: 0}", source: "g.yaml")
                == "error: g.yaml: activations: has 1 names but sizes [4, 5, 1] describes 2 layers")
    }

    @Test func unknownKeySuggestsClosest() {
        #expect(message(#"{"layers": [{"activation": "relu", "wieghts": [[1]], "bias": [0]}]}"#)
                == "error: net.json: layers[0].wieghts: unknown key; did you mean 'weights'? valid keys: name, activation, weights, bias, neurons")
        #expect(message("sizes: [2, 1]\nactivations: [relu]\ninit: {seed: 0, bias: ones}", source: "g.yaml")
                == "error: g.yaml: init.bias: unknown bias 'ones'; valid: zeros, random")
    }

    @Test func malformedJSONAndYAMLGiveLineAndColumn() {
        #expect(message("{\"layers\": [\n  {\"activation\": \"relu\",, \"bias\": [0]}\n]}")
                == "error: net.json: line 2, column 25: malformed JSON/YAML: did not find expected node content")
        #expect(message("layers:\n  - activation: relu\n   weights: [[1]]", source: "n.yaml")
                == "error: n.yaml: line 3, column 4: malformed JSON/YAML: did not find expected '-' indicator")
        #expect(message(#"{"name": "a", "name": "b", "layers": []}"#)
                == "error: net.json: line 1, column 2: duplicate key 'name' in a mapping")
    }

    @Test func parameterLimitRefusedBeforeAllocating() {
        #expect(message("sizes: [100000, 100000, 10]\nactivations: [relu, softmax]\ninit: {seed: 0}", source: "big.yaml")
                == "error: big.yaml: sizes: implies more than 50000000 parameters (the limit)")
        #expect(message(#"{"layers": [{"activation": "relu", "weights": [[1, 2], [3, 4]], "bias": [0, 0]}]}"#,
                        limits: LoadLimits(maxParameters: 3))
                == "error: net.json: layers[0].weights: holds 2×2 values, more than the limit of 3")
    }

    @Test func layerLimit() {
        let sizes = Array(repeating: "1", count: 1002).joined(separator: ", ")
        #expect(message("sizes: [\(sizes)]\nactivations: []\ninit: {seed: 0}", source: "g.yaml")
                == "error: g.yaml: sizes: describes 1001 layers, more than the limit of 1000")
    }

    @Test func labelCountsAndMissingParts() {
        #expect(message(#"{"inputs": ["a"], "layers": [\#(Self.layer0)]}"#)
                == "error: net.json: layers[0].weights: has 2 rows but inputs lists 1 labels")
        #expect(message(#"{"outputs": ["a"], "layers": [\#(Self.layer0)]}"#)
                == "error: net.json: outputs: has 1 labels but the last layer has 2 neurons")
        #expect(message(#"{"layers": [{"activation": "relu", "bias": [0]}]}"#)
                == "error: net.json: layers[0]: missing 'weights' (one row per input, one column per neuron)")
        #expect(message("sizes: [3]\nactivations: []\ninit: {seed: 0}", source: "g.yaml")
                == "error: g.yaml: sizes: has 1 sizes; needs at least 2 (the inputs and one layer)")
        #expect(message("sizes: [3, 0]\nactivations: [relu]\ninit: {seed: 0}", source: "g.yaml")
                == "error: g.yaml: sizes[1]: 0 is out of range 1…2147483647")
    }

    @Test func fileErrors() {
        #expect(throws: NNVizError("/nonexistent/net.json", "", "no such file")) {
            try NetworkSpec.load(path: "/nonexistent/net.json")
        }
        #expect(throws: NNVizError("/tmp", "", "is a directory, not a file")) { try NetworkSpec.load(path: "/tmp") }
    }

    @Test func resolverErrors() {
        #expect(throws: NNVizError("foo", "", "unknown example or missing file; examples: neuron, xor, xor-sigmoid, xor-no-activation, tiny-net, homework, iris, mlp-784, xor-train, xor-linear, moons-train, blobs-train, spirals-wide, spirals-deep")) {
            try NetworkResolver.resolve("foo")
        }
        #expect(throws: NNVizError("missing.json", "", "no such file")) { try NetworkResolver.resolve("missing.json") }
    }
}

@Suite struct HostileSpecTests {
    @Test func deepNestingIsRefused() {
        let text = "{\"layers\": " + String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000) + "}"
        #expect(throws: NNVizError("deep.json", "line 1, column 1", "nested deeper than 1000 levels")) {
            try NetworkSpec.parse(text, source: "deep.json", defaultName: "deep")
        }
    }

    /// Exponentially expanding aliases are refused before Yams composes (and hashes) them.
    @Test func aliasBombIsRefusedBeforeParsing() {
        var anchors = ["&a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
        for i in 1...9 { anchors.append("&a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        let bomb = "outputs: [\(anchors.joined(separator: ", "))]\nlayers: [{activation: relu, weights: *a9, bias: [0]}]\n"
        #expect(throws: NNVizError("b.yaml", "line 1, column 52", "YAML aliases (*name) are not supported; write the value out (aliases can expand exponentially)")) {
            try NetworkSpec.parse(bomb, source: "b.yaml", defaultName: "b")
        }
    }
}
