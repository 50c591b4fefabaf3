import NNVizCairo
import NNVizEngine
import NNVizScene
import NNVizTestSupport
@testable import NNVizRender

/// Networks, the real text measurer and scene queries shared by the figure tests.
enum FigureTestSupport {
    /// Cairo's own measurer: the metrics the painter will draw with (no invented metrics).
    static let measurer = CairoTextMeasurer()

    static func example(_ name: String) throws -> Network { try BundledExample.named(name)!.network() }

    static let corners = try! Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])

    /// The 784→128→64→10 network of the performance issue (109,184 weights).
    static let mnist = fixture {
        try Network.generated(name: "mnist-mlp", sizes: [784, 128, 64, 10], activations: [.relu, .relu, .softmax],
                              seed: 3, scale: 0.05, bias: .random)
    }

    /// 3 → 2 → 1 with every weight and bias 0: a constant layer must not divide by zero.
    static let zero = fixture {
        try Network(name: "zero", inputLabels: ["a", "b", "c"], layers: [
            Layer(name: "hidden", activation: .relu, weights: Matrix(rows: 3, cols: 2), bias: [0, 0], neuronLabels: ["h1", "h2"]),
            Layer(name: "output", activation: .sigmoid, weights: Matrix(rows: 2, cols: 1), bias: [0], neuronLabels: ["y"]),
        ])
    }

    static func stroke(_ item: Item?) -> Stroke? {
        switch item?.primitive {
        case .line(_, _, let s)?: return s
        case .circle(_, _, _, let s)?: return s
        case .path(_, _, let s)?: return s
        default: return nil
        }
    }

    static func fill(_ item: Item?) -> Color? {
        switch item?.primitive {
        case .circle(_, _, let f, _)?: return f
        case .rect(_, let f, _, _)?: return f
        case .path(_, let f, _)?: return f
        default: return nil
        }
    }

    /// Text, and the rectangle it covers as the painter places it.
    static func texts(_ scene: Scene, role: String) -> [(text: String, rect: Rect, color: Color)] {
        scene.items(role: role).compactMap { item in
            guard case .text(let s, let at, let font, let color, let anchor, let baseline, _) = item.primitive else { return nil }
            let b = SceneBuilder(width: 1, height: 1, options: FigureOptions(), measurer: measurer)
            return (s, b.textRect(s, at: at, font: font, anchor: anchor, baseline: baseline), color)
        }
    }

    static func circleRect(_ item: Item) -> Rect? {
        guard case .circle(let c, let r, _, _) = item.primitive else { return nil }
        return Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
    }

    /// Every number a scene carries (coordinates, sizes, colours), to check none is NaN or infinite.
    static func allNumbers(_ scene: Scene) -> [Double] {
        var out: [Double] = [scene.width, scene.height]
        func color(_ c: Color?) { if let c { out += [c.r, c.g, c.b, c.a] } }
        func stroke(_ s: Stroke?) { if let s { out.append(s.width); color(s.color) } }
        for item in scene.items {
            switch item.primitive {
            case let .line(a, b, s): out += [a.x, a.y, b.x, b.y]; stroke(s)
            case let .circle(c, r, f, s): out += [c.x, c.y, r]; color(f); stroke(s)
            case let .rect(r, f, s, _): out += [r.x, r.y, r.width, r.height]; color(f); stroke(s)
            case let .text(_, at, font, c, _, _, _): out += [at.x, at.y, font.size]; color(c)
            case let .raster(_, frame, _): out += [frame.x, frame.y, frame.width, frame.height]
            case let .path(p, f, s):
                color(f); stroke(s)
                for e in p.elements {
                    switch e {
                    case .move(let q), .line(let q): out += [q.x, q.y]
                    case let .curve(a, b, c): out += [a.x, a.y, b.x, b.y, c.x, c.y]
                    case .close: break
                    }
                }
            case let .lines(batch): out += batch.coordinates + batch.widths; batch.colors.forEach { color($0) }
            }
        }
        return out
    }
}
