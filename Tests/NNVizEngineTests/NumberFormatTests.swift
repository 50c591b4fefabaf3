import Testing
@testable import NNVizEngine

@Suite struct NumberFormatTests {
    /// Agrees with Python's correctly rounded `'%.*f' % (d, v)` (ties to even on the exact binary value),
    /// except that a negative value rounding to zero drops its sign.
    @Test func matchesPythonPercentF() throws {
        let cases = try Fixture.json("numbers.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count > 500)
        for c in cases {
            let v = Fixture.double(bits: c["bits"] as? String ?? "")
            let d = c["decimals"] as? Int ?? -1
            var want = c["text"] as? String ?? ""
            if want.hasPrefix("-") && want.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { want.removeFirst() }
            #expect(NumberFormat.fixed(v, decimals: d) == want, "\(v) with \(d) decimals")
        }
    }
}
