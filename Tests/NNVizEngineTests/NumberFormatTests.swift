import Foundation
import NNVizTestSupport
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

    /// The 128-bit fast path and the big-integer expansion agree with glibc's `%.*f` (C locale) on 200,000 seeded
    /// doubles of every magnitude from 1e-30 to 1e30, at 0…17 places, ties and halfway cases included.
    @Test func agreesWithPrintfOnRandomDoubles() {
        var rng = SplitMix64(seed: 11)
        var buffer = [CChar](repeating: 0, count: 512)
        var checked = 0
        for i in 0..<200_000 {
            let exponent = Double(Int(rng.next() % 61) - 30)
            var v = Double(rng.next() >> 11) / Double(1 << 53) * pow(10, exponent)
            if i % 7 == 0 { v = (v * 1000).rounded() / 1000 + 0.0005 }  // near decimal ties
            if i % 2 == 0 { v = -v }
            let d = Int(rng.next() % 18)  // fixed() prints at most 17 places
            let n = withVaList([Int32(d), v]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
            guard n > 0 && Int(n) < buffer.count else { continue }
            var want = String(cString: buffer)
            if want.hasPrefix("-") && want.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { want.removeFirst() }
            let got = NumberFormat.fixed(v, decimals: d)
            if got != want { Issue.record("\(v) with \(d) places: \(got), printf \(want)"); break }
            checked += 1
        }
        #expect(checked > 190_000)
    }
}
