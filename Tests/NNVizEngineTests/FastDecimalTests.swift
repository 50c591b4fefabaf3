import NNVizTestSupport
import Testing
@testable import NNVizEngine

/// `FastDecimal` must never disagree with `Double(text)`: it either gives the same bits or leaves the text to it.
@Suite struct FastDecimalTests {
    /// The same bits as `Double(text)`, or nil from the fast path.
    private func agrees(_ text: String) -> Bool {
        guard let fast = FastDecimal.value(text.utf8) else { return true }
        return Double(text)?.bitPattern == fast.bitPattern
    }

    @Test func plainDecimalsTakeTheFastPathWithStrtodsBits() {
        for text in ["0.075", "0", "-0", "+3", "12.5", "-0.001", "3e-4", "2.5E+3", "9007199254740992", "1e22", "12345678.12345678",
                     "0.1", "0.3", "-4.94e-20", "007.50"] {
            #expect(FastDecimal.value(text.utf8) != nil, "\(text) should take the fast path")
            #expect(agrees(text), "\(text)")
        }
        #expect(FastDecimal.value("-0".utf8)?.sign == .minus)
    }

    @Test func anythingElseIsLeftToDouble() {
        for text in ["", "+", "-", ".5", "5.", "1e", "1e+", "--1", "0x10", "1_0", "nan", "inf", "1.2.3", " 1", "1 ", "1,5",
                     "9007199254740993", "1e23", "1e-23", "12345678901234567890", "0.0000000000000000000000001",
                     "1.7976931348623157", "123456789.123456789"] {
            #expect(FastDecimal.value(text.utf8) == nil, "\(text) should be left to Double")
        }
    }

    /// Random decimals of up to 20 digits with and without exponents: every fast result equals `Double(text)`.
    @Test func randomDecimalsAgreeWithDouble() {
        var rng = SplitMix64(seed: 5)
        var fast = 0
        for _ in 0..<20_000 {
            let r = rng.next()
            var text = r & 1 == 0 ? "" : "-"
            let intDigits = Int((r >> 1) % 10), fracDigits = Int((r >> 5) % 12)
            var digits = rng.next()
            for _ in 0..<Swift.max(1, intDigits) { text += String(digits % 10); digits /= 10 }
            if fracDigits > 0 {
                text += "."
                var more = rng.next()
                for _ in 0..<fracDigits { text += String(more % 10); more /= 10 }
            }
            if (r >> 9) % 3 == 0 { text += "e" + String(Int((r >> 11) % 61) - 30) }
            if FastDecimal.value(text.utf8) != nil { fast += 1 }
            #expect(agrees(text), "\(text)")
        }
        #expect(fast > 10_000)  // most of them are within the fast path's limits, so it is really exercised
    }
}
