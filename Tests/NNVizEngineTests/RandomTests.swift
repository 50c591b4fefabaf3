import Testing
@testable import NNVizEngine

@Suite struct RandomTests {
    /// Every double NumPy's legacy generator drew for each seed and call plan, compared bit for bit.
    @Test func matchesNumPyBitForBit() throws {
        let cases = try Fixture.json("rng.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 60)
        for c in cases {
            let seed = UInt32(c["seed"] as? Int ?? -1)
            let plan = c["plan"] as? [[Any]] ?? []
            let expected = (c["bits"] as? [String] ?? []).map(Fixture.double(bits:))
            var rng = NumPyRandom(seed: seed)
            var got: [Double] = []
            for step in plan {
                let n = step[1] as? Int ?? 0
                if step[0] as? String == "randn" {
                    got += rng.randn(n)
                } else {
                    for _ in 0..<n { got.append(rng.randomSample()) }
                }
            }
            #expect(got.count == expected.count)
            let mismatch = zip(got, expected).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }?.offset
            #expect(mismatch == nil, "seed \(seed) plan \(plan): first mismatch at \(mismatch ?? -1)")
        }
    }
}
