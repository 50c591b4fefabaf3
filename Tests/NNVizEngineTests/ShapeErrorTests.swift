import Testing
import NNVizEngine

/// The checked initialisers of the model types: every shape that does not fit is refused with its facts.
@Suite struct ShapeErrorTests {
    static let w23 = Matrix(rows: 2, cols: 3, repeating: 1)

    @Test func matrixDataMustFillTheShape() throws {
        #expect(throws: ShapeError.matrixData(rows: 2, cols: 3, count: 5)) { try Matrix(rows: 2, cols: 3, data: [1, 2, 3, 4, 5]) }
        #expect(throws: ShapeError.negativeDimension(rows: -1, cols: 3)) { try Matrix(rows: -1, cols: 3, data: []) }
        #expect(throws: ShapeError.matrixData(rows: Int.max, cols: 2, count: 0)) { try Matrix(rows: Int.max, cols: 2, data: []) }
        let m = try Matrix(rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6])
        #expect(m[1, 0] == 4 && m.row(1) == [4, 5, 6])
        #expect(throws: ShapeError.raggedRows(row: 2, count: 1, expected: 2)) { try Matrix([[1, 2], [3, 4], [5]]) }
        #expect(ShapeError.raggedRows(row: 2, count: 1, expected: 2).description == "row 2 of the matrix has 1 values but row 0 has 2")
        #expect(try Matrix([[1, 2], [3, 4]]) == Matrix(rows: 2, cols: 2, data: [1, 2, 3, 4]))
        #expect(try Matrix([]) == Matrix(rows: 0, cols: 0))
        #expect(ShapeError.matrixData(rows: 2, cols: 3, count: 5).description == "a 2 × 3 matrix needs 6 values but has 5")
        #expect(ShapeError.negativeDimension(rows: -1, cols: 3).description
                == "a matrix cannot have -1 rows and 3 columns; both must be 0 or more")
    }

    @Test func datasetsHoldOneClassPerPoint() throws {
        let points = Self.w23
        #expect(throws: ShapeError.labelCount(points: 2, labels: 3)) { try Dataset(name: "d", points: points, labels: [0, 1, 1]) }
        #expect(throws: ShapeError.labelRange(sample: 1, label: -1)) { try Dataset(name: "d", points: points, labels: [0, -1]) }
        #expect(throws: ShapeError.labelRange(sample: 0, label: 256)) { try Dataset(name: "d", points: points, labels: [256, 0]) }
        #expect(ShapeError.labelCount(points: 2, labels: 3).description == "a dataset of 2 points needs one label each but has 3")
        #expect(ShapeError.labelRange(sample: 1, label: -1).description == "sample 1 has the label -1; labels are classes 0 to 255")
        let d = try Dataset(name: "d", points: points, labels: [0, 255])
        #expect(d.classCount == 256 && d.count == 2)
    }

    @Test func tracesHoldOneRowPerSampleInEveryLayer() throws {
        let x = Self.w23, z = Matrix(rows: 2, cols: 4), z3 = Matrix(rows: 3, cols: 4), a5 = Matrix(rows: 2, cols: 5)
        #expect(throws: ShapeError.traceLayerCount(pre: 1, post: 0)) { try Trace(input: x, pre: [z], post: []) }
        #expect(throws: ShapeError.traceLayer(layer: 1, batch: 2, preRows: 3, preCols: 4, postRows: 3, postCols: 4)) {
            try Trace(input: x, pre: [z, z3], post: [z, z3])
        }
        #expect(throws: ShapeError.traceLayer(layer: 0, batch: 2, preRows: 2, preCols: 4, postRows: 2, postCols: 5)) {
            try Trace(input: x, pre: [z], post: [a5])
        }
        #expect(ShapeError.traceLayer(layer: 0, batch: 2, preRows: 2, preCols: 4, postRows: 2, postCols: 5).description
                == "layer 0 of the trace has 2 × 4 pre-activations and 2 × 5 activations; both need 2 rows (the batch) and the same columns")
        let t = try Trace(input: x, pre: [z], post: [z])
        #expect(t.batchSize == 2 && t.output == z)
    }

    @Test func layerBiasAndLabelsNeedOneEntryPerNeuron() throws {
        #expect(throws: ShapeError.biasCount(layer: "hidden", neurons: 3, count: 2)) {
            try Layer(name: "hidden", activation: .relu, weights: Self.w23, bias: [0, 0], neuronLabels: ["a", "b", "c"])
        }
        #expect(throws: ShapeError.neuronLabelCount(layer: "hidden", neurons: 3, count: 4)) {
            try Layer(name: "hidden", activation: .relu, weights: Self.w23, bias: [0, 0, 0], neuronLabels: ["a", "b", "c", "d"])
        }
        #expect(throws: ShapeError.emptyLayer(layer: "e", inputs: 2, neurons: 0)) {
            try Layer(name: "e", activation: .relu, weights: Matrix(rows: 2, cols: 0), bias: [], neuronLabels: [])
        }
        #expect(ShapeError.biasCount(layer: "hidden", neurons: 3, count: 2).description
                == "layer 'hidden' has 3 neurons (columns of weights) but 2 biases")
        #expect(ShapeError.neuronLabelCount(layer: "hidden", neurons: 3, count: 4).description
                == "layer 'hidden' has 3 neurons (columns of weights) but 4 neuron labels")
        #expect(ShapeError.emptyLayer(layer: "e", inputs: 2, neurons: 0).description
                == "layer 'e' has 2 inputs and 0 neurons; it needs at least one of each")
        let ok = try Layer(name: "hidden", activation: .relu, weights: Self.w23, bias: [0, 0, 0], neuronLabels: ["a", "b", "c"])
        #expect(throws: ShapeError.biasCount(layer: "hidden", neurons: 3, count: 1)) { try ok.withParameters(weights: Self.w23, bias: [1]) }
        #expect(throws: ShapeError.neuronLabelCount(layer: "hidden", neurons: 3, count: 1)) { try ok.relabelled(["x"]) }
        #expect(try ok.relabelled(["x", "y", "z"]).neuronLabels == ["x", "y", "z"])
    }

    @Test func networkLayersMustFitTogether() throws {
        let a = try Layer(name: "a", activation: .relu, weights: Self.w23, bias: [0, 0, 0], neuronLabels: ["1", "2", "3"])
        let b = try Layer(name: "b", activation: .sigmoid, weights: Matrix(rows: 2, cols: 1), bias: [0], neuronLabels: ["y"])
        let c = try Layer(name: "c", activation: .tanh, weights: Matrix(rows: 2, cols: 2), bias: [0, 0], neuronLabels: ["u", "v"])
        #expect(throws: ShapeError.neuronLabelCount(layer: "a", neurons: 2, count: 3), "another width needs new labels too") {
            try a.withParameters(weights: Matrix(rows: 2, cols: 2), bias: [0, 0])
        }
        #expect(throws: ShapeError.noLayers) { try Network(name: "n", inputLabels: [], layers: []) }
        #expect(throws: ShapeError.inputLabelCount(inputs: 2, count: 3)) { try Network(name: "n", inputLabels: ["p", "q", "r"], layers: [a]) }
        #expect(throws: ShapeError.layerInputs(index: 1, inputs: 2, previousNeurons: 3)) {
            try Network(name: "n", inputLabels: ["p", "q"], layers: [a, b])
        }
        #expect(throws: ShapeError.layerInputs(index: 2, inputs: 2, previousNeurons: 1)) {
            try Network(name: "n", inputLabels: ["p", "q"], layers: [c, b, a])
        }
        #expect(ShapeError.noLayers.description == "a network needs at least one layer")
        #expect(ShapeError.inputLabelCount(inputs: 2, count: 3).description
                == "the first layer takes 2 inputs (rows of weights) but 3 input labels were given")
        #expect(ShapeError.layerInputs(index: 2, inputs: 2, previousNeurons: 1).description
                == "layer 2 takes 2 inputs (rows of weights) but layer 1 has 1 neurons")

        // The mutators keep the checks: a 3-neuron first layer does not feed the 2-input output.
        let two = try Network(name: "n", inputLabels: ["p", "q"], layers: [c, b])
        #expect(throws: ShapeError.layerInputs(index: 1, inputs: 2, previousNeurons: 3)) { try two.replacingLayer(0, with: a) }
        #expect(throws: ShapeError.inputLabelCount(inputs: 2, count: 1)) { try two.relabellingInputs(["p"]) }
        #expect(try two.relabellingInputs(["s", "t"]).inputLabels == ["s", "t"])
        #expect(try two.forward(try Matrix([[1, 2]])).output.rows == 1)
    }

    @Test func generatedNetworksCheckTheirSizes() throws {
        #expect(throws: ShapeError.noLayers) {
            try Network.generated(name: "g", sizes: [2], activations: [], seed: 0, scale: 1, bias: .zeros)
        }
        #expect(throws: ShapeError.activationCount(layers: 2, count: 1)) {
            try Network.generated(name: "g", sizes: [2, 3, 1], activations: [.relu], seed: 0, scale: 1, bias: .zeros)
        }
        #expect(throws: ShapeError.emptyLayer(layer: "output", inputs: 0, neurons: 1)) {
            try Network.generated(name: "g", sizes: [0, 1], activations: [.relu], seed: 0, scale: 1, bias: .zeros)
        }
        #expect(throws: ShapeError.neuronLabelCount(layer: "output", neurons: 1, count: 2)) {
            try Network.generated(name: "g", sizes: [2, 1], activations: [.sigmoid], seed: 0, scale: 1, bias: .zeros, outputLabels: ["a", "b"])
        }
        #expect(throws: ShapeError.inputLabelCount(inputs: 2, count: 1)) {
            try Network.generated(name: "g", sizes: [2, 1], activations: [.sigmoid], seed: 0, scale: 1, bias: .zeros, inputLabels: ["a"])
        }
        #expect(ShapeError.activationCount(layers: 2, count: 1).description == "a network of 2 layers needs 2 activations but 1 were given")
    }
}
