import Testing
import NNVizEngine
import NNVizScene
@testable import NNVizRender

@Suite struct LayerDiagramTests {
    typealias S = FigureTestSupport

    @Test func xorEdgesAreColouredBySignAndSizedByWeight() throws {
        let scene = LayerDiagram(network: try S.example("xor")).scene(measurer: S.measurer)
        let edges = scene.items(role: "edge")
        #expect(edges.count == 6)
        #expect(Set(edges.map(\.name)) == ["x1→OR", "x1→AND", "x2→OR", "x2→AND", "OR→xor", "AND→xor"])
        // max|w| = 2, so w = 1 sits half-way along the default width and opacity ranges.
        let scale = WeightScale(maxAbs: 2)
        let or = try #require(S.stroke(scene.item(role: "edge", name: "x1→OR")))
        #expect(or.color == Palette.positive.withAlpha(scale.minOpacity + 0.5 * (scale.maxOpacity - scale.minOpacity)))
        #expect(or.width == scale.minWidth + 0.5 * (scale.maxWidth - scale.minWidth))
        let and = try #require(S.stroke(scene.item(role: "edge", name: "AND→xor")))
        #expect(and.color == Theme.light.edgeNegative.withAlpha(scale.maxOpacity))
        #expect(and.width == scale.maxWidth)
        #expect(and.width > or.width)
        // Strong edges are painted after weak ones.
        #expect(edges.last?.name == "AND→xor")
    }

    /// Samples are counted from 0, as NumPy indexes rows; a batch of one names the sample by its values.
    @Test func theSampleIsNamedByItsValuesOrItsRowFrom0() throws {
        let xor = try S.example("xor")
        let one = LayerDiagram(network: xor, trace: try xor.forward(Matrix(rows: 1, cols: 2, data: [1, 0])))
        #expect(one.sampleName == "the sample (1, 0)")
        #expect(one.scene(measurer: S.measurer).texts.contains { $0.hasSuffix(" · forward pass of the sample (1, 0)") })
        #expect(one.activationScale?.label == "activation")
        let batch = try xor.forward(Matrix(rows: 4, cols: 2, data: [0, 0, 0, 1, 1, 0, 1, 1]))
        let third = LayerDiagram(network: xor, trace: batch, sample: 2)
        #expect(third.sampleName == "sample 2")
        #expect(third.scene(measurer: S.measurer).texts.contains { $0.hasSuffix(" · forward pass of sample 2") })
        #expect(third.activationScale?.label == "activation (sample 2)")
        #expect(LayerDiagram(network: xor).sampleName == nil)
        let wide = try S.example("mlp-784")
        let digit = LayerDiagram(network: wide, trace: try wide.forward(Matrix(rows: 1, cols: 784, data: Array(repeating: 0.5, count: 784))))
        #expect(digit.sampleName == "the sample")
    }

    @Test func headersAndLabelsComeFromTheNetwork() throws {
        let scene = LayerDiagram(network: try S.example("xor")).scene(measurer: S.measurer)
        #expect(scene.items(role: "header").map(\.name) == ["input · 2", "hidden · step · 2", "output · step · 1"])
        #expect(Set(scene.items(role: "node").map(\.name)) == ["x1", "x2", "OR", "AND", "xor"])
        #expect(scene.texts.contains("OR") && scene.texts.contains("AND"))
    }

    @Test func biasIsARingExplainedInTheLegend() throws {
        let scene = LayerDiagram(network: try S.example("xor")).scene(measurer: S.measurer)
        // OR has b = −0.5, AND b = −1.5: orange rings, AND's thicker.
        let or = try #require(S.stroke(scene.item(role: "node", name: "OR")))
        let and = try #require(S.stroke(scene.item(role: "node", name: "AND")))
        #expect(or.color == Theme.light.edgeNegative && and.color == Theme.light.edgeNegative)
        #expect(and.width > or.width)
        #expect(scene.item(role: "legend", name: "bias-positive") != nil)
        #expect(scene.item(role: "legend", name: "bias-negative") != nil)
        #expect(S.texts(scene, role: "bias-label").map(\.text).sorted() == ["b = −0.50", "b = −0.50", "b = −1.50"])
    }

    @Test func legendStatesRealWeightValues() throws {
        let scene = LayerDiagram(network: try S.example("xor")).scene(measurer: S.measurer)
        let texts = scene.items(role: "legend").compactMap { item -> String? in
            if case .text(let s, _, _, _, _, _, _) = item.primitive { return s } else { return nil }
        }
        #expect(texts.contains("positive") && texts.contains("negative"))
        #expect(texts.contains("|w| = 1") && texts.contains("|w| = 2"))
    }

    @Test func weightLabelsNeverOverlapEachOtherOrNodes() throws {
        for name in ["xor", "tiny-net", "neuron"] {
            let net = try S.example(name)
            let scene = LayerDiagram(network: net).scene(measurer: S.measurer)
            let labels = S.texts(scene, role: "weight-label")
            let weights = net.layers.reduce(0) { $0 + $1.fanIn * $1.fanOut }
            #expect(labels.count == weights, "\(name): every weight labelled")
            let nodes = scene.items(role: "node").compactMap(S.circleRect)
            let others = S.texts(scene, role: "bias-label") + S.texts(scene, role: "side-label") + S.texts(scene, role: "header")
            for (i, a) in labels.enumerated() {
                for b in labels[(i + 1)...] { #expect(!a.rect.intersects(b.rect), "\(name): \(a.text) overlaps \(b.text)") }
                for n in nodes { #expect(!a.rect.intersects(n), "\(name): \(a.text) overlaps a node") }
                for o in others { #expect(!a.rect.intersects(o.rect), "\(name): \(a.text) overlaps \(o.text)") }
            }
        }
    }

    @Test func xorWeightLabelsShowValuesInSignColours() throws {
        let scene = LayerDiagram(network: try S.example("xor")).scene(measurer: S.measurer)
        let labels = S.texts(scene, role: "weight-label")
        #expect(labels.map(\.text).sorted() == ["1.00", "1.00", "1.00", "1.00", "1.00", "−2.00"])
        #expect(labels.first { $0.text == "−2.00" }?.color == Theme.light.signText(-2))
    }

    @Test func sampleFillsNeuronsAndPrintsInputsAndOutputs() throws {
        let net = try S.example("tiny-net")
        let trace = try net.forward(try Matrix([[0.6, 0.1, 0.9, 0.4]]))
        let d = LayerDiagram(network: net, trace: trace)
        let scene = d.scene(measurer: S.measurer)
        let values = S.texts(scene, role: "value").map(\.text)
        #expect(values.contains("x1 = 0.60") && values.contains("x4 = 0.40"))
        let y = trace.output[0, 0]
        #expect(values.contains("y = " + LabelFormat.fixed(y, 2)))
        let scale = try #require(d.activationScale)
        #expect(S.fill(scene.item(role: "node", name: "y")) == scale.color(y))
        #expect(S.fill(scene.item(role: "node", name: "h1")) == scale.color(trace.post[0][0, 0]))
        #expect(scene.item(role: "colorbar", name: "activation") != nil)
        #expect(!S.texts(scene, role: "colorbar-label").isEmpty)
    }

    @Test func wideLayersAreElidedWithSummaries() {
        let scene = LayerDiagram(network: S.mnist).scene(measurer: S.measurer)
        #expect(scene.items(role: "elision").map(\.name) == ["input · 784", "hidden 1 · relu · 128", "hidden 2 · relu · 64"])
        #expect(scene.texts.contains("⋮ +768") && scene.texts.contains("⋮ +112") && scene.texts.contains("⋮ +48"))
        #expect(scene.items(role: "node").count == 16 + 16 + 16 + 10)
        #expect(scene.items(role: "edge").count == 16 * 16 + 16 * 16 + 16 * 10)
        let summaries = scene.items(role: "edge-summary")
        // Per elided pair: hidden sources → each drawn target, drawn sources → hidden targets, hidden → hidden.
        #expect(summaries.count == (16 + 16 + 1) + (16 + 16 + 1) + 10)
        #expect(summaries.contains { $0.name == "x9…x776→h1_1" })
        #expect(summaries.allSatisfy { S.stroke($0)?.dash.isEmpty == false })
        #expect(scene.item(role: "legend", name: "elision") != nil)
        #expect(scene.items(role: "weight-label").isEmpty)
        // 784·128+128 + 128·64+64 + 64·10+10 = 109,386, grouped by thousands with a narrow space.
        #expect(S.texts(scene, role: "subtitle").first?.text == "784 → 128 → 64 → 10 · 109\u{202F}386 parameters")
    }

    @Test func allDrawsEveryEdgeAsLineBatches() {
        let d = LayerDiagram(network: S.mnist, options: DiagramOptions(showAll: true))
        let scene = d.scene(measurer: S.measurer)
        #expect(scene.items(role: "elision").isEmpty)
        #expect(scene.items(role: "node").count == 784 + 128 + 64 + 10)
        let batches = scene.items(role: "edges").compactMap { item -> LineBatch? in
            if case .lines(let b) = item.primitive { return b } else { return nil }
        }
        #expect(batches.count == 2)
        let lines = scene.items(role: "edge").count
        #expect(batches.map(\.count).reduce(0, +) + lines == 109_184)
        // Within a batch, segments are painted weakest first.
        let b = batches[0]
        #expect(b.widths.first! <= b.widths.last!)
        // Colour follows the sign of the weight the segment came from: check the strongest one.
        let w = S.mnist.layers[0].weights.data
        let strongest = w.max { abs($0) < abs($1) }!
        #expect(b.colors.last!.withAlpha(1) == (strongest > 0 ? Theme.light.edgePositive : Theme.light.edgeNegative))
    }

    @Test func constantNetworkStaysFinite() throws {
        let net = S.zero
        let trace = try net.forward(try Matrix([[0, 0, 0]]))
        let scene = LayerDiagram(network: net, trace: trace).scene(measurer: S.measurer)
        #expect(S.allNumbers(scene).allSatisfy { $0.isFinite })
        #expect(scene.items(role: "edge").count == 8)
        #expect(scene.items(role: "edge").allSatisfy { S.stroke($0)?.color.withAlpha(1) == Palette.neutral })
    }

    /// The dark theme changes the background and shades the sign colours for it (lighter blue); widths and
    /// opacities, the data, stay.
    @Test func darkThemeChangesBackgroundNotData() throws {
        var o = DiagramOptions(); o.figure.theme = .dark
        let light = LayerDiagram(network: try S.example("xor")).scene(measurer: S.measurer)
        let dark = LayerDiagram(network: try S.example("xor"), options: o).scene(measurer: S.measurer)
        #expect(dark.background == Theme.dark.background && light.background == .white)
        let d = try #require(S.stroke(dark.item(role: "edge", name: "x1→OR"))), l = try #require(S.stroke(light.item(role: "edge", name: "x1→OR")))
        #expect(d.width == l.width && d.color.a == l.color.a)
        #expect(d.color.withAlpha(1) == Theme.dark.edgePositive && l.color.withAlpha(1) == Theme.light.edgePositive)
    }
}
