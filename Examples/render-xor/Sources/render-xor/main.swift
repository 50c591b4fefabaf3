// Renders the XOR network's layer diagram and decision regions through nnviz's public API.
import Foundation
import NNVizKit

func render() throws {
    let xor = try NetworkResolver.resolve("xor")
    let measurer = CairoTextMeasurer()
    let painter = CairoPainter(scale: 2)

    // The diagram of the forward pass of the sample (1, 0).
    let trace = try xor.forward(Matrix(rows: 1, cols: 2, data: [1, 0]))
    let diagram = LayerDiagram(network: xor, trace: trace).scene(measurer: measurer)
    try painter.write(diagram, to: "xor-diagram.png")
    try painter.write(diagram, to: "xor-diagram.svg")

    // The decision regions over [-0.5, 1.5]², with the four XOR points and the hidden neurons' own regions.
    let data = try Dataset.resolve("xor", seed: 0)
    let regions = try RegionPlot.make(network: xor, dataset: data, xRange: -0.5...1.5, yRange: -0.5...1.5,
                                      resolution: 400, options: RegionOptions(neurons: true))
    try painter.write(regions.scene(measurer: measurer), to: "xor-regions.png")
    print("wrote xor-diagram.png, xor-diagram.svg and xor-regions.png")
}

do {
    try render()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
