import Testing
import NNVizEngine
@testable import NNVizReport

@Suite struct CaptionTests {
    /// The words come from the numbers: xor's output is on in the off-diagonal corners, and its hidden
    /// neurons are the half-planes x1 + x2 > 0.5 (OR) and x1 + x2 > 1.5 (AND), read from the spec's weights.
    @Test func xorRegionsInWords() throws {
        let xor = try NetworkResolver.resolve("xor")
        let data = try Dataset.resolve("xor")
        let t = FigureText.regions(xor, x: -0.25...1.25, y: -0.25...1.25, data: data, neurons: true)
        #expect(t.alt.hasPrefix("Decision regions of xor: xor > 0.5 in the two off-diagonal corners (top left and bottom right)"))
        #expect(t.caption.contains("All 4 points of dataset xor are classified correctly."))
        #expect(t.caption.contains("OR is on where x1 + x2 > 0.5 and AND is on where x1 + x2 > 1.5"))
    }

    @Test func misclassifiedPointsAreCounted() throws {
        let xor = try NetworkResolver.resolve("xor")
        // Labels of AND instead of XOR: the corners (0,1) and (1,0) and (1,1) disagree with the network.
        let data = Dataset(name: "and", points: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])!, labels: [0, 0, 0, 1])
        let t = FigureText.regions(xor, x: -0.5...1.5, y: -0.5...1.5, data: data, neurons: false)
        #expect(t.caption.contains("1 of the 4 points of dataset and are classified correctly (25 %)"))
    }

    @Test func inequalitiesReadNaturally() {
        #expect(FigureText.inequality(1, "x1", 1, "x2", -0.5) == "x1 + x2 > 0.5")
        #expect(FigureText.inequality(2, "a", -1, "b", 1) == "2 a \u{2212} b > \u{2212}1")
        #expect(FigureText.inequality(0, "a", -0.25, "b", 0) == "\u{2212}0.25 b > 0")
    }

    @Test func diagramAndHeatmapWords() throws {
        let xor = try NetworkResolver.resolve("xor")
        let trace = try xor.forward(Matrix([[0, 1], [1, 1]])!)
        let d = FigureText.diagram(xor, trace: trace)
        #expect(d.caption.hasPrefix("Layer diagram of xor (2 → 2 → 1, 9 parameters)."))
        #expect(d.caption.hasSuffix("sample 0 (x1 = 0, x2 = 1), which gives xor = 1."))
        #expect(d.alt.contains("the strongest \u{2212}2 from AND to xor"))
        let a = FigureText.activations(xor, trace: trace)
        #expect(a.caption.hasSuffix("Output xor is above 0.5 for sample 0."))
        let corners = try xor.forward(Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])!)
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
