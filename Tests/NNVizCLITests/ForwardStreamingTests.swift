import NNVizEngine
import NNVizTestSupport
import Testing
@testable import nnviz

/// `forward` writes its tables a row at a time, so column widths come from each column's extremes instead of from
/// every formatted value; these check that shortcut against formatting everything, on the values where it could
/// go wrong (rounding up to a new digit, negatives that round to zero, −0).
@Suite struct ForwardStreamingTests {
    static let tricky: [Double] = [0, -0.0, 9.99995, 9.99994, -9.99995, 99.5, -0.00004, -0.00005, -0.00006, 0.00005,
                                   999_999.99999, -1e-300, 1e-300, 12345.678, -0.4, -0.5, -0.6, 0.5, 1.5, 2.5]

    static func widest(_ values: [Double], _ decimals: Int) -> Int {
        values.map { NumberFormat.fixed($0, decimals: decimals).count }.max() ?? 0
    }

    @Test(arguments: [0, 1, 2, 4, 6, 17])
    func widthFromExtremesEqualsWidestFormatted(_ decimals: Int) throws {
        var rng = SplitMix64(seed: UInt64(decimals))
        for trial in 0..<300 {
            // A column of 1…8 values drawn from the tricky ones and from random magnitudes.
            let count = 1 + Int(rng.next() % 8)
            let column: [Double] = (0..<count).map { _ in
                if rng.next() % 2 == 0 { return Self.tricky[Int(rng.next() % UInt64(Self.tricky.count))] }
                let magnitude = Double(Int(rng.next() % 13) - 6)
                let sign: Double = rng.next() % 2 == 0 ? -1 : 1
                return sign * Double(rng.next() % 1_000_000) / 1_000_000 * pow10(magnitude)
            }
            let m = try Matrix(rows: count, cols: 1, data: column)
            #expect(Forward.fixedWidth(m, column: 0, decimals: decimals) == Self.widest(column, decimals),
                    "trial \(trial): \(column)")
        }
    }

    @Test func widthCountsEachColumnOnItsOwn() throws {
        let m = try Matrix(rows: 2, cols: 2, data: [-123.25, 0.5, 7, -0.00001])
        #expect(Forward.fixedWidth(m, column: 0, decimals: 2) == "-123.25".count)
        #expect(Forward.fixedWidth(m, column: 1, decimals: 4) == "0.5000".count)
    }

    func pow10(_ e: Double) -> Double {
        var p = 1.0
        for _ in 0..<Int(abs(e)) { p *= 10 }
        return e < 0 ? 1 / p : p
    }
}

/// `datasets NAME` streams its CSV a row at a time; the bytes are those of `Dataset.csv`.
@Suite struct DatasetStreamingTests {
    @Test(arguments: ["moons:300", "xor", "spirals:1000"])
    func streamedCSVEqualsTheWholeText(_ name: String) throws {
        let r = try NNVizBinary.run(["datasets", name, "--seed", "7"])
        let expected = try #require(try Dataset.bundled(name, seed: 7)).csv
        #expect(r == .init(stdout: expected, stderr: "", status: 0))
    }
}
