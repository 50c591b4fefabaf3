import NNVizEngine
import NNVizScene
import NNVizTestSupport
import Testing
@testable import NNVizRender

/// The numbers a layer diagram prints: every neuron's activation of a forward pass, z with `showPre`, the digits of
/// `precision`, and weight labels each on its own edge, dropped (and counted) rather than stacked.
@Suite struct DiagramNumbersTests {
    typealias S = FigureTestSupport

    static let sample = [0.6, 0.1, 0.9, 0.4]

    /// A text item's string, anchor point and rotation.
    static func anchors(_ scene: Scene, role: String) -> [(name: String, text: String, at: Point)] {
        scene.items(role: role).compactMap { item in
            guard case .text(let s, let at, _, _, _, _, _) = item.primitive else { return nil }
            return (item.name, s, at)
        }
    }

    @Test func forwardPassPrintsEveryNeuronsActivationAtTwoDecimals() throws {
        let net = try S.example("tiny-net")
        let trace = try net.forward(try Matrix([Self.sample]))
        let scene = LayerDiagram(network: net, trace: trace).scene(measurer: S.measurer)
        let values = Set(S.texts(scene, role: "value").map(\.text))
        for (i, label) in net.inputLabels.enumerated() { #expect(values.contains(label + " = " + LabelFormat.fixed(Self.sample[i], 2))) }
        for (c, layer) in net.layers.enumerated() {
            for (i, label) in layer.neuronLabels.enumerated() {
                let a = LabelFormat.fixed(trace.post[c][0, i], 2)
                let hidden = c < net.layers.count - 1
                #expect(values.contains(hidden ? "a = " + a : label + " = " + a), "\(label) shows its activation")
            }
        }
        #expect(scene.items(role: "pre-value").isEmpty, "z only with showPre")
        #expect(!S.texts(scene, role: "value").contains { $0.text.contains("z =") })
    }

    @Test func preShowsZBesideEachActivationAtThePrecisionAsked() throws {
        let net = try S.example("tiny-net")
        let trace = try net.forward(try Matrix([Self.sample]))
        let scene = LayerDiagram(network: net, trace: trace, options: DiagramOptions(precision: 3, showPre: true))
            .scene(measurer: S.measurer)
        let hidden = net.layers[0]
        let values = Self.anchors(scene, role: "value"), pres = Self.anchors(scene, role: "pre-value")
        #expect(pres.count == hidden.fanOut)
        for (i, label) in hidden.neuronLabels.enumerated() {
            let a = try #require(values.first { $0.name == label }), z = try #require(pres.first { $0.name == label })
            #expect(a.text == "a = " + LabelFormat.fixed(trace.post[0][0, i], 3))
            #expect(z.text == "z = " + LabelFormat.fixed(trace.pre[0][0, i], 3))
            // z stands directly above its activation, on the neuron's axis.
            #expect(z.at.x == a.at.x && z.at.y < a.at.y)
        }
        let y = net.layers[1].neuronLabels[0]
        #expect(values.contains {
            $0.text == y + " = " + LabelFormat.fixed(trace.post[1][0, 0], 3) + " (z = " + LabelFormat.fixed(trace.pre[1][0, 0], 3) + ")"
        })
        #expect(values.contains { $0.text == "x1 = 0.600" })
        #expect(LayoutAudit.problems(scene, measurer: S.measurer).isEmpty, "\(LayoutAudit.problems(scene, measurer: S.measurer))")
    }

    @Test func precisionSetsTheDigitsOfWeightsAndBiasesToo() throws {
        let scene = LayerDiagram(network: try S.example("xor"), options: DiagramOptions(precision: 1)).scene(measurer: S.measurer)
        #expect(S.texts(scene, role: "weight-label").map(\.text).sorted() == ["1.0", "1.0", "1.0", "1.0", "1.0", "−2.0"])
        #expect(S.texts(scene, role: "bias-label").map(\.text).sorted() == ["b = −0.5", "b = −0.5", "b = −1.5"])
    }

    static let dense = fixture {
        try Network.generated(name: "dense", sizes: [6, 6, 6], activations: [.relu, .sigmoid], seed: 3, scale: 1, bias: .random)
    }

    /// Whether the segment from `a` to `b` passes within `tolerance` of `p`.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
        let qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y
        return (qx * qx + qy * qy).squareRoot()
    }

    @Test(arguments: [(nil, nil), (520.0, 400.0), (640.0, 480.0)] as [(Double?, Double?)])
    func denseWeightLabelsSitOnTheirOwnEdgeAloneOrAreDroppedAndCounted(width: Double?, height: Double?) throws {
        let net = Self.dense
        let figure = LayerDiagram(network: net, options: DiagramOptions(figure: FigureOptions(width: width, height: height), weightLabels: true))
        let scene = try figure.fittedScene(measurer: S.measurer)
        let labels = S.texts(scene, role: "weight-label"), anchors = Self.anchors(scene, role: "weight-label")
        let pills = scene.items(role: "weight-label-bg").compactMap { item -> (String, Rect)? in
            if case .rect(let r, _, _, _) = item.primitive { return (item.name, r) } else { return nil }
        }
        let edges = scene.items(role: "edge").compactMap { item -> (String, Point, Point)? in
            if case .line(let a, let b, _) = item.primitive { return (item.name, a, b) } else { return nil }
        }
        #expect(edges.count == 72)
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] { #expect(!a.rect.intersects(b.rect), "\(a.text) overlaps \(b.text)") }
        }
        for (name, text, at) in anchors {
            let edge = try #require(edges.first { $0.0 == name }, "label \(text) names an edge")
            #expect(Self.distance(at, edge.1, edge.2) < 0.01, "\(name): the label's anchor lies on its edge")
            let pill = try #require(pills.first { $0.0 == name }?.1)
            for other in edges where other.0 != name {
                #expect(!DiagramLayout.segment(other.1, other.2, crosses: pill), "\(other.0) crosses the label of \(name)")
            }
        }
        let notes = S.texts(scene, role: "note").map(\.text)
        if width == nil {
            // At its own size the diagram grows until every label has room.
            #expect(labels.count == 72 && notes.isEmpty, "\(labels.count) labelled, \(notes)")
        } else {
            // Too dense for all 72: some are dropped, none stacked, and the figure says how many it shows.
            #expect(labels.count > 0 && labels.count < 72, "\(labels.count) labelled")
            #expect(notes.contains { $0.hasPrefix("\(labels.count) of 72 weights labelled") }, "\(notes)")
        }
    }

    @Test func segmentCrossingIsExact() {
        let r = Rect(x: 0, y: 0, width: 10, height: 4)
        #expect(DiagramLayout.segment(Point(-5, 2), Point(15, 2), crosses: r))
        #expect(DiagramLayout.segment(Point(5, -5), Point(5, 10), crosses: r))
        #expect(!DiagramLayout.segment(Point(-5, 5), Point(15, 5), crosses: r))
        #expect(!DiagramLayout.segment(Point(-5, -5), Point(-1, 10), crosses: r))
        #expect(!DiagramLayout.segment(Point(12, 0), Point(20, 4), crosses: r))
    }

    @Test func heatmapPrecisionSetsTheCellDigits() throws {
        let net = try S.example("xor")
        let trace = try net.forward(S.corners)
        let scene = Heatmap(network: net, trace: trace, options: HeatmapOptions(precision: 3)).scene(measurer: S.measurer)
        let cells = S.texts(scene, role: "cell-value").map(\.text)
        #expect(!cells.isEmpty)
        #expect(cells.contains(LabelFormat.fixed(trace.output[0, 0], 3)))
        #expect(cells.allSatisfy { $0.split(separator: ".").last?.count == 3 })
    }
}
