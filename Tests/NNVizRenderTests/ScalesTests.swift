import Testing
import NNVizScene
@testable import NNVizRender

@Suite struct ScalesTests {
    /// Viridis endpoints and midpoint as matplotlib defines them (`viridis(0)`, `viridis(0.5)`, `viridis(1)`).
    @Test func viridisMatchesMatplotlib() {
        #expect(ColorMap.viridis.color(at: 0).hex == "#440154")
        #expect(ColorMap.viridis.color(at: 0.5).hex == "#21918c")
        #expect(ColorMap.viridis.color(at: 1).hex == "#fde725")
        #expect(ColorMap.viridis.color(at: -3).hex == "#440154")
        #expect(ColorMap.viridis.color(at: .nan).hex == "#21918c")
    }

    @Test func divergingIsCentredAndSymmetric() {
        let s = ColorScale.diverging(center: 0, covering: [-0.3, 1.3])
        // max |v| = 1.3 rounds out to the 1-2-5 step 0.5 → limits ±1.5.
        #expect(s.lower == -1.5 && s.upper == 1.5)
        #expect(s.color(0).hex == "#f7f7f7")
        #expect(s.color(-1.5).hex == "#b35806" && s.color(1.5).hex == "#2166ac")
        let p = ColorScale.diverging(center: 0.5, halfRange: 0.5)
        #expect(p.color(0.5).hex == "#f7f7f7")
    }

    @Test func constantDataDoesNotDivideByZero() {
        for s in [ColorScale.sequential(3, 3), .sequential(0, 0), .diverging(center: 0, covering: [0, 0]),
                  .diverging(center: 0, halfRange: .nan)] {
            #expect(s.upper > s.lower)
            let c = s.color(3)
            #expect(c.r.isFinite && c.g.isFinite && c.b.isFinite)
        }
        let w = WeightScale(maxAbs: 0)
        #expect(w.width(0).isFinite && w.opacity(0).isFinite && w.color(0) == Palette.neutral.withAlpha(w.minOpacity))
        #expect(NiceTicks(2, 2).values.contains(2))
    }

    @Test func weightScaleEncodesSignAndMagnitude() {
        let w = WeightScale(maxAbs: 2)
        #expect(w.color(1.5).withAlpha(1) == Palette.positive)
        #expect(w.color(-0.7).withAlpha(1) == Palette.negative)
        #expect(w.color(0.01).withAlpha(1) == Palette.neutral)
        #expect(w.width(0.5) < w.width(1) && w.width(1) < w.width(2))
        #expect(w.width(2) == w.maxWidth && w.width(40) == w.maxWidth)
        #expect(w.opacity(-2) == w.maxOpacity)
    }

    @Test func niceTicksUseOneTwoFiveSteps() {
        #expect(NiceTicks(0, 1, target: 5).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks(0, 1, target: 5).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(NiceTicks(-0.5, 1.5, target: 4).values == [-0.5, 0, 0.5, 1, 1.5])
        #expect(NiceTicks(0, 7.9, target: 4).values == [0, 2, 4, 6])
        #expect(NiceTicks(0, 250, target: 5).step == 50)
    }

    @Test func numbersAreLocaleFreeWithFixedDecimals() {
        #expect(LabelFormat.fixed(-0.5, 2) == "−0.50")
        #expect(LabelFormat.fixed(-0.004, 2) == "0.00")
        #expect(LabelFormat.fixed(1234.5678, 1) == "1234.6")
        #expect(LabelFormat.fixed(2, 0) == "2")
        #expect(LabelFormat.fixed(.nan, 2) == "nan")
        // Past exact digits: Swift's shortest form rather than a trap (a weight of 3e19 in a legend).
        #expect(LabelFormat.fixed(-3e19, 2) == "−3e+19")
        #expect(LabelFormat.fixed(1e16, 0) == "1e+16")
        #expect(LabelFormat.decimals(forStep: 0.25) == 2)
        #expect(LabelFormat.decimals(forStep: 5) == 0)
    }

    @Test func classColoursCycle() {
        #expect(Palette.classColor(0).hex == "#e69f00")
        #expect(Palette.classColor(6) == Palette.classColor(0))
        #expect(Palette.classColor(-1) == Palette.classColor(5))
    }
}
