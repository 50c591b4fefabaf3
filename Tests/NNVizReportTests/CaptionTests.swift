import Testing
import NNVizEngine
import NNVizRender
@testable import NNVizReport

@Suite struct CaptionTests {
    /// The words come from the numbers: xor's output is on in the off-diagonal corners, and its hidden
    /// neurons are the half-planes x1 + x2 > 0.5 (OR) and x1 + x2 > 1.5 (AND), read from the spec's weights.
    @Test func xorRegionsInWords() throws {
        let xor = try NetworkResolver.resolve("xor")
        let data = try Dataset.resolve("xor")
        let plot = try RegionPlot.make(network: xor, dataset: data, xRange: -0.25...1.25, yRange: -0.25...1.25, resolution: 48,
                                       options: RegionOptions(neurons: true))
        let t = FigureText.regions(plot, datasetName: data.name)
        #expect(t.alt.hasPrefix("Decision regions of xor: xor > 0.5 in the two off-diagonal corners (top left and bottom right)"))
        #expect(t.caption.contains("All 4 points of dataset xor are classified correctly."))
        #expect(t.caption.contains("OR is on where x1 + x2 > 0.5 and AND is on where x1 + x2 > 1.5"))
    }

    @Test func misclassifiedPointsAreCounted() throws {
        let xor = try NetworkResolver.resolve("xor")
        // Labels of AND instead of XOR: the corners (0,1) and (1,0) and (1,1) disagree with the network.
        let data = try Dataset(name: "and", points: try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), labels: [0, 0, 0, 1])
        let plot = try RegionPlot.make(network: xor, dataset: data, xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 48)
        let t = FigureText.regions(plot, datasetName: data.name)
        #expect(t.caption.contains("1 of the 4 points of dataset and are classified correctly (25 %)"))
        #expect(!t.caption.contains("Small multiples"), "no thumbnails drawn, none described")
    }

    /// The caption counts the cells of the figure's own grid: xor is 1 where 0.5 < x1 + x2 ≤ 1.5, which is 7 of the
    /// 16 cell centres (±0.25, 0.75, 1.25) of a 4 × 4 grid over [−0.5, 1.5]² (44 %) but 2 of the 4 of a 2 × 2 grid (50 %).
    @Test func regionsCaptionReadsTheFiguresGrid() throws {
        let xor = try NetworkResolver.resolve("xor")
        for (n, share) in [(4, "44 %"), (2, "50 %")] {
            let plot = try RegionPlot.make(network: xor, xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: n)
            let high = plot.field.values.filter { $0 > 0.5 }.count
            #expect(FigureText.percent(high, n * n) == share)
            #expect(FigureText.regions(plot, datasetName: nil).caption.contains("xor > 0.5 in the two off-diagonal corners (top left "
                + "and bottom right), \(share) of the plotted area."), "resolution \(n)")
        }
        // Several outputs: the classes of the figure's grid, and points without a dataset name.
        let iris = try NetworkResolver.resolve("iris")
        let points = try Matrix([[0.1, 0.2, 0, 0], [1, -1, 0, 0]])
        let predicted = try iris.predict(points)
        let plot = try RegionPlot.make(network: iris, dataset: try Dataset(name: "p", points: points, labels: predicted), resolution: 8)
        var cover = [0, 0, 0]
        for k in plot.field.classes { cover[Int(k)] += 1 }
        let text = FigureText.regions(plot, datasetName: nil).caption
        #expect(text.contains("the arg-max class covers the plane as "))
        for (k, label) in iris.outputLabels.enumerated() where cover[k] > 0 {
            #expect(text.contains("\(label) \(FigureText.percent(cover[k], 64))"), "\(label)")
        }
        #expect(text.contains("All 2 points of the data are classified correctly."))
    }

    @Test func inequalitiesReadNaturally() {
        #expect(FigureText.inequality(1, "x1", 1, "x2", -0.5) == "x1 + x2 > 0.5")
        #expect(FigureText.inequality(2, "a", -1, "b", 1) == "2 a \u{2212} b > \u{2212}1")
        #expect(FigureText.inequality(0, "a", -0.25, "b", 0) == "\u{2212}0.25 b > 0")
    }

    @Test func diagramAndHeatmapWords() throws {
        let xor = try NetworkResolver.resolve("xor")
        let trace = try xor.forward(try Matrix([[0, 1], [1, 1]]))
        let d = FigureText.diagram(xor, trace: trace)
        #expect(d.caption.hasPrefix("Layer diagram of xor (2 → 2 → 1, 9 parameters)."))
        #expect(d.caption.hasSuffix("sample 0 (x1 = 0, x2 = 1), which gives xor = 1."))
        #expect(d.alt.contains("the strongest \u{2212}2 from AND to xor"))
        let a = FigureText.activations(xor, trace: trace)
        #expect(a.caption.hasSuffix("Output xor is above 0.5 for sample 0."))
        let corners = try xor.forward(try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        #expect(FigureText.activations(xor, trace: corners).caption.hasSuffix("Output xor is above 0.5 for samples 1 and 2."))
        let iris = try NetworkResolver.resolve("iris")
        let batch = try SampleLoader.random(count: 32, seed: 0, for: iris)
        let it = try iris.forward(batch)
        var wins = [0, 0, 0]
        for r in 0..<32 { let row = Array(it.output.row(r)); wins[row.firstIndex(of: row.max()!)!] += 1 }
        #expect(FigureText.activations(iris, trace: it).caption.hasSuffix(
            "iris predicts setosa for \(wins[0]), versicolor for \(wins[1]) and virginica for \(wins[2]) of the 32 samples."))
    }
}
