import Foundation
import NNVizSystem
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NNVizEngine
import NNVizTestSupport

@Suite struct GridTests {
    /// A 3 → 5 → 4 → 3 network with tanh, sigmoid and softmax layers and irregular weights (sin of the index),
    /// so every accumulation order matters.
    static let wide: Network = fixture {
        func layer(_ name: String, _ act: Activation, _ m: Int, _ n: Int, _ seed: Double) -> Layer {
            let w = (0..<(m * n)).map { 1.7 * sin(seed + 0.91 * Double($0)) }
            let b = (0..<n).map { 0.6 * cos(seed + 1.3 * Double($0)) }
            return fixture {
                try Layer(name: name, activation: act, weights: Matrix(rows: m, cols: n, data: w), bias: b,
                          neuronLabels: (1...n).map { "\(name)\($0)" })
            }
        }
        return try Network(name: "wide", inputLabels: ["a", "b", "c"],
                           layers: [layer("h", .tanh, 3, 5, 0.3), layer("g", .sigmoid, 5, 4, 1.1), layer("o", .softmax, 4, 3, 2.7)])
    }

    /// Every cell centre of a small grid, in the grid's row-major order, as one batch.
    static func batch(_ g: GridField, n: Int) -> Matrix {
        fixture { try Matrix((0..<n).flatMap { r in (0..<n).map { c in g.input(row: r, col: c, n: n) } }) }
    }

    @Test func xorOutputFieldEqualsForwardExactly() throws {
        let g = ForwardTests.xor.evaluateGrid(xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 37)
        let t = try ForwardTests.xor.forward(Self.batch(g, n: 37))
        #expect(g.values == t.output.data.map(Float.init))
        #expect(g.hiddenResolution == 37)
        #expect(g.hidden[0] == t.post[0].data.map(Float.init))
    }

    /// A 600-row grid goes in bands of 109 rows (65,536 cells / 600), spread over the cores: progress reports
    /// the rows finished so far after each band, one call at a time, growing to 600 in six calls.
    @Test func progressCountsRowsInBands() {
        let calls = Calls()
        let g = ForwardTests.xor.evaluateGrid(xRange: 0...1, yRange: 0...1, resolution: 600, hiddenResolution: 2) { done, total in
            calls.append(done, total)
        }
        let seen = calls.values
        #expect(seen.count == 6 && seen.last == 600 && seen == seen.sorted() && Set(seen).count == 6)
        #expect(calls.totals == [600])
        // Each step is a whole band: 109 rows, or the last band's 55.
        let steps = zip(seen, [0] + seen).map { $0 - $1 }
        #expect(steps.filter { $0 == 109 }.count == 5 && steps.filter { $0 == 55 }.count == 1)
        #expect(g.values.count == 360_000)
    }

    /// Progress calls collected across workers (the grid serialises them; the lock only satisfies Sendable).
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var done: [Int] = [], total: Set<Int> = []
        func append(_ d: Int, _ t: Int) { lock.lock(); done.append(d); total.insert(t); lock.unlock() }
        var values: [Int] { lock.lock(); defer { lock.unlock() }; return done }
        var totals: Set<Int> { lock.lock(); defer { lock.unlock() }; return total }
    }

    @Test func cellCentresAndOrientation() {
        let g = ForwardTests.xor.evaluateGrid(xRange: 0...4, yRange: 0...2, resolution: 4)
        // Row 0 is the top of the plane (largest y); cells are evaluated at their centres.
        #expect(g.input(row: 0, col: 0, n: 4) == [0.5, 1.75])
        #expect(g.input(row: 3, col: 3, n: 4) == [3.5, 0.25])
        // (3.5, 0.25) and (0.5, 1.75): sums above 1.5, OR and AND both on → 0;
        // (0.5, 0.25): sum 0.75, OR on and AND off → 1.
        #expect(g.values[0] == 0 && g.values[15] == 0)
        #expect(g.values[12] == 1)
    }

    @Test func slicedMultiOutputFieldEqualsForward() throws {
        let net = Self.wide
        let g = net.evaluateGrid(axes: (2, 0), xRange: -2...1, yRange: -1...3, resolution: 23, slice: [0, 0.75, 0],
                                 hiddenResolution: 11)
        #expect(g.input(row: 0, col: 0, n: 23)[1] == 0.75)
        let t = try net.forward(Self.batch(g, n: 23))
        for cell in 0..<(23 * 23) {
            let row = Array(t.output.row(cell))
            let sorted = row.sorted(by: >)
            #expect(Int(g.classes[cell]) == row.firstIndex(of: sorted[0]))
            #expect(g.margins[cell] == Float(sorted[0] - sorted[1]))
        }
        let th = try net.forward(Self.batch(g, n: 11))
        #expect(g.hiddenResolution == 11)
        #expect(g.hidden.count == 2)
        #expect(g.hidden[0] == th.post[0].data.map(Float.init))
        #expect(g.hidden[1] == th.post[1].data.map(Float.init))
    }

    @Test func hiddenResolutionZeroSkipsTheHiddenFieldsOnly() throws {
        let with = ForwardTests.xor.evaluateGrid(xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 9)
        let without = ForwardTests.xor.evaluateGrid(xRange: -0.5...1.5, yRange: -0.5...1.5, resolution: 9, hiddenResolution: 0)
        #expect(with.hidden.count == 1 && with.hiddenResolution == 9)
        #expect(without.hidden.isEmpty && without.hiddenResolution == 0)
        #expect(without.values == with.values)
    }

    @Test func singleCellGrid() {
        let g = ForwardTests.xor.evaluateGrid(xRange: 1...1, yRange: 0...0, resolution: 0)
        #expect(g.resolution == 1 && g.values.count == 1)
        #expect(g.values[0] == 1)  // (1, 0) is on the XOR side
    }

    /// ⌊√limit⌋ exactly, at perfect squares, one below them and at the top of `Int`.
    @Test func largestSideWithinALimit() {
        #expect(GridLimit.largestSide(within: GridLimit.defaultMaxEvaluations) == 4000)
        #expect(GridLimit.largestSide(within: 15_999_999) == 3999)
        #expect(GridLimit.largestSide(within: 4) == 2 && GridLimit.largestSide(within: 3) == 1)
        #expect(GridLimit.largestSide(within: 0) == 0)
        #expect(GridLimit.largestSide(within: Int.max) == 3_037_000_499)
    }

    /// The limit is inclusive; a square that overflows `Int` is refused, not trapped on.
    @Test func gridsOverTheLimitAreRefused() throws {
        try GridLimit.check(resolution: 4000, limit: GridLimit.defaultMaxEvaluations, source: "--resolution")
        #expect(throws: NNVizError("--resolution", "", "a 4001 × 4001 grid is 16008001 evaluations, more than the limit of 16000000; lower \(Setting.resolution) or raise \(Setting.maxEvaluations)")) {
            try GridLimit.check(resolution: 4001, limit: GridLimit.defaultMaxEvaluations, source: "--resolution")
        }
        #expect(throws: NNVizError.self) { try GridLimit.check(resolution: Int.max, limit: Int.max, source: "--resolution") }
    }
}
