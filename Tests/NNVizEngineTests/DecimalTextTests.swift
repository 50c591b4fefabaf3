import Foundation
import NNVizTestSupport
import Testing
@testable import NNVizEngine

/// The decimal reader must give the very doubles `Double(String)` gives, or step aside.
@Suite struct DecimalTextTests {
    /// How many random decimals the bit-for-bit tests try: a seeded sample in `make test`, millions in
    /// `make check-long` (NNVIZ_DECIMAL_CASES).
    static let cases = max(1, Int(ProcessInfo.processInfo.environment["NNVIZ_DECIMAL_CASES"] ?? "") ?? 200_000)

    private func expectSame(_ t: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = DecimalText.fastValue(t)
        let slow = SpecNode.isDecimal(t) ? Double(t) : nil
        if let fast {
            #expect(fast.bitPattern == slow?.bitPattern, "\(t): \(fast) vs \(String(describing: slow))", sourceLocation: sourceLocation)
        } else if let slow {
            // Only non-finite values and texts without a digit before the point (`.5`, `-.5`) step aside.
            let body = t.drop { $0 == "-" || $0 == "+" }
            #expect(!slow.isFinite || !(body.first?.isASCII ?? false) || !(body.first?.isNumber ?? false),
                    "\(t) refused", sourceLocation: sourceLocation)
        }
    }

    @Test func seededShortDecimalsMatchDoubleParsingBitForBit() {
        var g = SplitMix64(seed: 42)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(g.next() % 10)) }) }
        var taken = 0
        let count = Self.cases / 10
        for _ in 0..<count {
            var t = ["", "-", "+"][Int(g.next() % 3)] + digits(Int(g.next() % 12))
            if g.next() % 2 == 0 { t += "." + digits(Int(g.next() % 12)) }
            if g.next() % 3 == 0 { t += ["e", "E"][Int(g.next() % 2)] + ["", "-", "+"][Int(g.next() % 3)] + digits(Int(g.next() % 4)) }
            if DecimalText.fastValue(t) != nil { taken += 1 }
            expectSame(t)
        }
        #expect(taken > count / 3)
    }

    /// What JSON writers emit for doubles (17 significant digits, `repr`'s shortest form) and long mantissas
    /// (18–30 digits) across the whole exponent range, subnormals included.
    @Test func seededLongDecimalsMatchDoubleParsingBitForBit() {
        var g = SplitMix64(seed: 7)
        var fallbacks = 0
        for k in 0..<Self.cases {
            let t: String
            switch k % 4 {
            case 0:
                // A random double's bits printed with 17 significant digits, as `%.17g` does.
                let v = Double(bitPattern: g.next() & ~(1 << 63) | (g.next() % 2) << 63)
                guard v.isFinite else { continue }
                t = String(format: "%.17g", v)
            case 1:
                let v = Double(bitPattern: g.next() >> 1)
                guard v.isFinite else { continue }
                t = v.description
            case 2:
                let n = 1 + Int(g.next() % 30)
                var s = String((0..<n).map { _ in Character(String(g.next() % 10)) })
                let dot = Int(g.next() % UInt64(n + 1))
                if dot < n { s.insert(".", at: s.index(s.startIndex, offsetBy: dot)); if dot == 0 { s = "0" + s } }
                t = (g.next() % 2 == 0 ? "-" : "") + s + "e" + String(Int(g.next() % 700) - 350)
            default:
                // Near the ends: the subnormals, the smallest normal, the largest double.
                let e = [-324, -323, -320, -310, -308, -307, 307, 308][Int(g.next() % 8)]
                t = "\(1 + g.next() % 9).\(g.next() % 10_000_000_000_000_000)e\(e)"
            }
            let fast = DecimalText.fastValue(t)
            if fast == nil, let d = Double(t), d.isFinite { fallbacks += 1 }
            expectSame(t)
        }
        #expect(fallbacks == 0)
    }

    @Test(arguments: [
        "-0", "0", "0.0", "0e999999", "-0e-5", "1", "0.1", "0.3", "1e23", "8.98846567431158e307", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "2.2250738585072012e-308",
        "2.2250738585072014e-308", "2.2250738585072009e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "2.4703282292062327e-324", "5e-324", "1e-324", "3e-324", "1e-400", "1e-342",
        "1e-343", "9007199254740993", "9007199254740992.5", "9007199254740993.0000000001", "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000001", "7.2057594037927933e16", "1448997445238699",
        "12345678901234567890", "18446744073709551615", "18446744073709551616", "9999999999999999999",
        "10000000000000000000000000000000000000000000e-44", "0.1000000000000000055511151231257827021181583404541015625",
        "0.1000000000000000055511151231257827021181583404541015626", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124", "1.00000000000000011102230246251565404236316680908203126",
        "2.000000000000000444089209850062616169452667236328125", "3.0000000000000004440892098500626161694526672363281250001",
        "9007199254740991e-308", "4.4501477170144023e-308", "1.0e22", "1e22", "1e-22", "123456789e-30", "00001.5",
        "+1.5", "5.", "1e+0", "7e-27", "7e-28", "1e55", "1e56",
    ])
    func hardCasesMatchDoubleParsingBitForBit(_ t: String) {
        #expect(DecimalText.fastValue(t) != nil || !(Double(t)?.isFinite ?? false), "\(t) went to the fallback")
        expectSame(t)
    }

    @Test func edgeCases() {
        #expect(DecimalText.fastValue("-0")?.sign == .minus)
        #expect(DecimalText.fastValue("0.1") == 0.1)
        #expect(DecimalText.fastValue("123456789012345e22") == 123456789012345e22)
        #expect(DecimalText.fastValue("0.12345678901234567") == 0.12345678901234567)
        for t in ["", "-", ".5", "1e", "1e+", "0x10", "1.5.2", "1e400", "-1e309", "nan", " 1", "1 ", "1e5x"] {
            #expect(DecimalText.fastValue(t) == nil, "\(t)")
        }
    }
}
