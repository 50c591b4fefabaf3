import NNVizCairo
import NNVizEngine
import NNVizScene
import Testing

/// Figures neither draw nor measure control characters: a spec name holding `ESC ] 0; … BEL ESC [2J`, NUL or a
/// bidi override is drawn as the same text without them (a NUL no longer cuts the label short).
@Suite struct DrawableTextTests {
    static let hostile = "net\u{1B}]0;pwned\u{7}\u{1B}[2J\u{0}tail\u{B}\u{9B}\u{202E}!"
    static let clean = "net]0;pwned[2Jtail!"

    @Test func unsafeScalarsAreDroppedAndBreaksBecomeSpaces() {
        #expect(DrawableText.of(Self.hostile) == Self.clean)
        #expect(DrawableText.of("a\nb\r\nc\td\u{2028}e") == "a b c d e")
        #expect(DrawableText.of("plain → text é") == "plain → text é")
    }

    @Test func theSceneAndTheEngineAgreeOnWhatIsUnsafe() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if DrawableText.isUnsafe(u) != DisplayText.isUnsafe(u) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty)
        #expect(DrawableText.of(Self.hostile) == DisplayText.stripped(Self.hostile))
    }

    @Test func measuringIgnoresControls() {
        let font = Font(size: 14), m = CairoTextMeasurer()
        #expect(m.measure(Self.hostile, font: font).width == m.measure(Self.clean, font: font).width)
        // Before, Cairo read the name as a C string and stopped at the NUL.
        #expect(m.measure("ab\u{0}cd", font: font).width == m.measure("abcd", font: font).width)
    }

    @Test(arguments: [OutputFormat.png, .svg])
    func drawingIgnoresControls(_ format: OutputFormat) throws {
        func scene(_ s: String) -> Scene {
            Scene(width: 400, height: 40, items: [Item(.text(s, at: Point(10, 20), font: Font(size: 14), color: .black,
                                                             anchor: .start, baseline: .middle, rotation: 0), role: "label")])
        }
        let painter = CairoPainter()
        #expect(try painter.render(scene(Self.hostile), format: format) == painter.render(scene(Self.clean), format: format))
        #expect(try painter.render(scene(Self.hostile), format: format) != painter.render(scene("net"), format: format))
    }
}
