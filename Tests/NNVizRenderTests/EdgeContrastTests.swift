import NNVizEngine
import NNVizScene
import Testing
@testable import NNVizRender

/// Both edge signs stand out equally in both themes: each sign's strongest edge (and its legend swatch) has at
/// least 3:1 contrast against the background (WCAG 2.1 for graphical objects), the two within a factor 1.6.
@Suite struct EdgeContrastTests {
    /// WCAG 2.1 contrast ratio of two opaque colours.
    static func contrast(_ a: Color, _ b: Color) -> Double {
        let la = a.luminance, lb = b.luminance
        return (Swift.max(la, lb) + 0.05) / (Swift.min(la, lb) + 0.05)
    }

    /// `c` painted over `background` with its alpha.
    static func over(_ c: Color, _ background: Color) -> Color {
        Color(r: c.r * c.a + background.r * (1 - c.a), g: c.g * c.a + background.g * (1 - c.a), b: c.b * c.a + background.b * (1 - c.a))
    }

    static func check(_ positive: Color, _ negative: Color, on theme: Theme, _ what: String) {
        let p = contrast(over(positive, theme.background), theme.background)
        let n = contrast(over(negative, theme.background), theme.background)
        #expect(p >= 3 && n >= 3, "\(theme.name) \(what): positive \(p):1, negative \(n):1")
        #expect(Swift.max(p, n) / Swift.min(p, n) <= 1.6, "\(theme.name) \(what): positive \(p):1, negative \(n):1")
    }

    @Test(arguments: Theme.Name.allCases)
    func strongestEdgesAndSwatches(_ name: Theme.Name) throws {
        let theme = Theme.named(name)
        // The strongest edges of an ordinary diagram's scale (opacity 0.95) and of the elided layers' (0.85).
        for scale in [WeightScale(maxAbs: 1), .medium(maxAbs: 1)].map({ $0.themed(theme) }) {
            Self.check(scale.color(1), scale.color(-1), on: theme, "edges at opacity \(scale.maxOpacity)")
        }
        // The hues stay: blue for positive, orange for negative.
        #expect(theme.edgePositive.b > theme.edgePositive.r && theme.edgeNegative.r > theme.edgeNegative.b)
        // The diagram's edges and legend swatches as drawn.
        let net = try FigureTestSupport.example("xor")
        let scene = LayerDiagram(network: net, options: DiagramOptions(figure: FigureOptions(theme: theme)))
            .scene(measurer: FigureTestSupport.measurer)
        let swatch = { (n: String) in FigureTestSupport.stroke(scene.item(role: "legend", name: n))?.color }
        let pos = try #require(swatch("sign-positive")), neg = try #require(swatch("sign-negative"))
        Self.check(pos, neg, on: theme, "legend swatches")
        let edges = scene.items(role: "edge").compactMap { FigureTestSupport.stroke($0)?.color }
        #expect(edges.contains { $0.withAlpha(1) == theme.edgePositive } && edges.contains { $0.withAlpha(1) == theme.edgeNegative })
    }
}
