import NNVizSystem
import Testing
import NNVizEngine
@testable import NNVizRender

/// `RegionPlot.make`: the one validated way to build the regions figure, for the command, reports and libraries.
@Suite struct RegionPlotMakeTests {
    typealias S = FigureTestSupport

    @Test func buildsWhatTheHandAssembledFigureHolds() throws {
        let xor = try S.example("xor")
        let data = try Dataset.resolve("xor")
        let plot = try RegionPlot.make(network: xor, dataset: data, resolution: 40, options: RegionOptions(neurons: true))
        // Default ranges from the data (0…1 plus 0.25 on each side), the same grid `evaluateGrid` gives.
        #expect(plot.field.xRange == -0.25...1.25 && plot.field.yRange == -0.25...1.25)
        let grid = xor.evaluateGrid(xRange: -0.25...1.25, yRange: -0.25...1.25, resolution: 40)
        #expect(plot.field.values == grid.values && plot.field.hidden == grid.hidden)
        #expect(plot.trace == (try xor.forward(data.points)))
        #expect(plot.predictions == [0, 1, 1, 0] && plot.labels == data.labels)
        let bare = try RegionPlot.make(network: xor, resolution: 10)
        #expect(bare.field.xRange == -0.5...1.5 && bare.field.hiddenResolution == 0 && bare.data == nil)
    }

    @Test func axesAndSliceChooseThePlane() throws {
        let net = try S.example("tiny-net")
        let plot = try RegionPlot.make(network: net, xRange: 0...1, yRange: 0...1, axes: (2, 3), slice: [0.5, -1, 0, 0], resolution: 6)
        let grid = net.evaluateGrid(axes: (2, 3), xRange: 0...1, yRange: 0...1, resolution: 6, slice: [0.5, -1, 0, 0], hiddenResolution: 0)
        #expect(plot.field.xInput == 2 && plot.field.yInput == 3 && plot.field.values == grid.values)
        #expect(throws: NNVizError("tiny-net", "", "the axes must be two different inputs between 1 and 4, got 3 and 3")) {
            try RegionPlot.make(network: net, axes: (2, 2), resolution: 6)
        }
        #expect(throws: NNVizError("tiny-net", "", "the axes must be two different inputs between 1 and 4, got 1 and 5")) {
            try RegionPlot.make(network: net, axes: (0, 4), resolution: 6)
        }
        #expect(throws: NNVizError("net.json", "", "the slice has 2 values but tiny-net takes 4 inputs")) {
            try RegionPlot.make(network: net, slice: [0, 0], resolution: 6, networkSource: "net.json")
        }
        #expect(throws: NNVizError("tiny-net", "", "the grid needs at least 2 cells a side, got 1")) {
            try RegionPlot.make(network: net, resolution: 1)
        }
        #expect(throws: NNVizError("tiny-net", "", "the x range 1.0...1.0 must be finite and wider than 0")) {
            try RegionPlot.make(network: net, xRange: 1...1, resolution: 6)
        }
    }

    @Test func refusesNetworksAndDataThatDoNotFit() throws {
        let xor = try S.example("xor")
        let one = try Network.generated(name: "one", sizes: [1, 1], activations: [.sigmoid], seed: 0, scale: 1, bias: .zeros)
        #expect(throws: NNVizError("one.json", "", "regions needs two inputs to vary but one has 1")) {
            try RegionPlot.make(network: one, resolution: 4, networkSource: "one.json")
        }
        let three = try Dataset(name: "three", points: try Matrix([[0, 0, 0]]), labels: [0])
        #expect(throws: NNVizError("three", "", "points have 3 values but xor takes 2 inputs")) {
            try RegionPlot.make(network: xor, dataset: three, resolution: 4)
        }
        let classes = try Dataset(name: "blobs", points: S.corners, labels: [0, 1, 2, 0])
        #expect(throws: NNVizError("--data blobs", "sample 2", "class 2 but xor predicts classes 0 to 1")) {
            try RegionPlot.make(network: xor, dataset: classes, resolution: 4, dataSource: "--data blobs")
        }
        // A dataset cannot hold a negative label or one label too few (see ShapeErrorTests), so these never reach
        // the figure.
    }

    @Test func refusesAPlaneThatOverflows() throws {
        let big = try Network(name: "big", inputLabels: ["x1", "x2"], layers: [
            Layer(name: "output", activation: .sigmoid, weights: try Matrix([[1e308], [1e308]]), bias: [0], neuronLabels: ["y"]),
        ])
        #expect(throws: NNVizError("regions", "at x1 = -10.0, x2 = -10.0",
                                   "output neuron y: z = a·W + b is not finite (-inf); narrow \(Setting.xRange) and \(Setting.yRange) or lower \(Setting.slice)")) {
            try RegionPlot.make(network: big, xRange: -10...10, yRange: -10...10, resolution: 4)
        }
    }
}
