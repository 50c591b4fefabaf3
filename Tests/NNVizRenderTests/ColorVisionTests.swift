import NNVizScene
import NNVizTestSupport
import Testing
@testable import NNVizRender

/// The default palette's colour-vision safety, measured: under simulated protanopia, deuteranopia and tritanopia
/// (Machado et al. 2009, severity 1.0) the two sign colours and every pair of class colours stay at least
/// ΔE2000 = 20 apart.
@Suite struct ColorVisionTests {
    static func rgb(_ c: Color) -> [Double] { [c.r, c.g, c.b] }

    /// CIEDE2000 against Sharma, Wu & Dalal's published test data (pairs 1, 7, 17, 25, 34); tolerance 1e-4, the
    /// table's four decimals.
    @Test func ciede2000MatchesSharmasTable() {
        let pairs: [([Double], [Double], Double)] = [
            ([50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425),
            ([50, 0, 0], [50, -1, 2], 2.3669),
            ([50, 2.5, 0], [73, 25, -18], 27.1492),
            ([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644),
            ([22.7233, 20.0904, -46.6940], [23.0331, 14.9730, -42.5619], 2.0373),
        ]
        for (p, q, d) in pairs { #expect(abs(ColorVision.deltaE2000(p, q) - d) < 1e-4, "\(p) \(q)") }
    }

    static func worst(_ colors: [Color]) -> [(String, Double, Color, Color)] {
        var out: [(String, Double, Color, Color)] = []
        for v in ColorVision.allCases {
            var w = (Double.infinity, Color.black, Color.black)
            for i in colors.indices { for j in colors.indices where j > i {
                let d = ColorVision.deltaE2000(ColorVision.lab(v.simulate(rgb(colors[i]))), ColorVision.lab(v.simulate(rgb(colors[j]))))
                if d < w.0 { w = (d, colors[i], colors[j]) }
            } }
            out.append((v.rawValue, w.0, w.1, w.2))
        }
        return out
    }

    @Test func signColoursStayApart() {
        for (v, d, a, b) in Self.worst([Palette.positive, Palette.negative]) { #expect(d >= 20, "\(v): \(a) vs \(b) ΔE2000 \(d)") }
    }

    @Test func classColoursStayApart() {
        #expect(Palette.classes.count == 6)
        for (v, d, a, b) in Self.worst(Palette.classes) { #expect(d >= 20, "\(v): \(a) vs \(b) ΔE2000 \(d)") }
    }

    /// The check can fail: the full Okabe–Ito set does not keep all its pairs apart (orange and yellow under
    /// deuteranopia are ΔE2000 ≈ 11.6 apart).
    @Test func theCheckRejectsAPaletteThatFails() {
        let okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"].map { Color(hex: $0)! }
        let deutan = Self.worst(okabeIto).first { $0.0 == "deuteranopia" }!
        #expect(abs(deutan.1 - 11.6) < 0.1)
    }
}
