import NNVizTestSupport
import Testing
@testable import NNVizEngine

/// The short-decimal reader must give the very doubles `Double(String)` gives, or step aside.
@Suite struct DecimalTextTests {
    @Test func seededDecimalsMatchDoubleParsingBitForBit() {
        var g = SplitMix64(seed: 42)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(g.next() % 10)) }) }
        var taken = 0
        let count = 20_000
        for _ in 0..<count {
            var t = ["", "-", "+"][Int(g.next() % 3)] + digits(Int(g.next() % 12))
            if g.next() % 2 == 0 { t += "." + digits(Int(g.next() % 12)) }
            if g.next() % 3 == 0 { t += ["e", "E"][Int(g.next() % 2)] + ["", "-", "+"][Int(g.next() % 3)] + digits(Int(g.next() % 4)) }
            let fast = DecimalText.fastValue(t)
            let slow = SpecNode.isDecimal(t) ? Double(t) : nil
            if let fast {
                taken += 1
                #expect(fast.bitPattern == slow?.bitPattern, "\(t): \(fast) vs \(String(describing: slow))")
            }
        }
        #expect(taken > count / 3)
    }

    @Test func edgeCases() {
        #expect(DecimalText.fastValue("-0")?.sign == .minus)
        #expect(DecimalText.fastValue("0.1") == 0.1)
        #expect(DecimalText.fastValue("123456789012345e22") == 123456789012345e22)
        for t in ["", "-", ".5", "1e", "1e+", "0x10", "1.5.2", "1e400", "1234567890123456", "nan", " 1", "1 "] {
            #expect(DecimalText.fastValue(t) == nil, "\(t)")
        }
    }
}
