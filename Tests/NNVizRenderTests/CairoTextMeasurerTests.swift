import NNVizCairo
import NNVizScene
import Testing

@Suite struct CairoTextMeasurerTests {
    let measurer = CairoTextMeasurer()

    @Test func widthGrowsWithTextAndLinearlyWithSize() {
        let f12 = Font(size: 12), f24 = Font(size: 24)
        let hello = measurer.measure("Hello", font: f12)
        #expect(hello.width > 20 && hello.width < 40)
        // Hint metrics are off, so metrics scale exactly with the font size (no rounding to whole pixels).
        #expect(abs(measurer.measure("Hello", font: f24).width - 2 * hello.width) < 1e-9)
        #expect(measurer.measure("Hello, world", font: f12).width > hello.width)
        #expect(measurer.measure("", font: f12).width == 0)
        #expect(measurer.measure("Hello", font: Font(size: 12, weight: .bold)).width > hello.width)
    }

    @Test func ascentAndDescentAreTheFontsNotTheInks() {
        let f = Font(size: 10)
        let a = measurer.measure("x", font: f), b = measurer.measure("Ág", font: f)
        #expect(a.ascent == b.ascent && a.descent == b.descent)
        // DejaVu Sans: ascent ≈ 0.93 em, descent ≈ 0.24 em.
        #expect(abs(a.ascent - 9.28) < 0.2 && abs(a.descent - 2.36) < 0.2)
    }

    @Test func measuringFromManyTasksAgreesWithMeasuringInTurn() async {
        let m = measurer
        let labels = (0..<16).map { ("label " + String(repeating: "w", count: $0 % 5), Font(size: 11 + Double($0 % 3))) }
        let expected = labels.map { CairoTextMeasurer().measure($0.0, font: $0.1).width }
        let measured = await withTaskGroup(of: (Int, Double).self) { group in
            for (i, label) in labels.enumerated() { group.addTask { (i, m.measure(label.0, font: label.1).width) } }
            var all = [Double](repeating: -1, count: labels.count)
            for await (i, w) in group { all[i] = w }
            return all
        }
        #expect(measured == expected)
        #expect(Set(expected).count > 10)
    }
}
