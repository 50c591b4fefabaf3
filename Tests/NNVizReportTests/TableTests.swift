import Testing
import NNVizEngine
import NNVizRender
@testable import NNVizReport

@Suite struct TableTests {
    /// Parses table text back to a number (typographic minus allowed).
    func value(_ s: String) -> Double? { Double(s.replacingOccurrences(of: "\u{2212}", with: "-")) }

    @Test func summaryCountsEveryParameter() throws {
        let iris = try NetworkResolver.resolve("iris")
        let t = SummaryTable(network: iris)
        #expect(t.rows.map(\.layer) == ["input"] + iris.layers.map(\.name))
        #expect(t.rows.map(\.neurons) == ["4", "8", "8", "3"])
        #expect(t.rows.map(\.weights) == ["—", "4 × 8", "8 × 8", "8 × 3"])
        // 4·8+8 + 8·8+8 + 8·3+3, counted by hand from the spec's sizes.
        #expect(t.total == "139")
        #expect(t.formula == "4·8+8 + 8·8+8 + 8·3+3 = 139")
        #expect(t.rows[3].parameters == "8·3+3 = 27")
        #expect(t.rows[0].labels == "sepal_length, sepal_width, petal_length, petal_width")
    }

    /// Every cell is the engine's forward value rounded to the shown decimals; the class is the arg-max.
    @Test func batchTableHoldsTheForwardPass() throws {
        let iris = try NetworkResolver.resolve("iris")
        let batch = try SampleLoader.random(count: 25, seed: 3, for: iris)
        let trace = try iris.forward(batch)
        let t = BatchTable(network: iris, trace: trace)
        #expect(t.sampleCount == 25 && t.shownCount == BatchTable.maxRows && t.truncated && t.hasClass)
        // input (4) + hidden 1 (8) fill 12 columns; hidden 2 (8) + output (3) the next table, with the class.
        #expect(t.parts.map { $0.groups.map(\.name) } == [["input", "hidden 1"], ["hidden 2", "output"]])
        #expect(t.parts.map(\.hasClass) == [false, true])
        let values = [trace.input] + trace.post
        let groupsOfPart = [[0, 1], [2, 3]]
        for (p, part) in t.parts.enumerated() {
            #expect(part.rows.count == BatchTable.maxRows)
            for (r, row) in part.rows.enumerated() {
                #expect(row.sample == String(r))
                let expected = groupsOfPart[p].flatMap { Array(values[$0].row(r)) }
                #expect(row.cells.count == expected.count)
                for (cell, v) in zip(row.cells, expected) {
                    let shown = try #require(value(cell.value))
                    #expect(abs(shown - v) <= 0.0005 + 1e-12, "sample \(r): \(cell.value) vs \(v)")
                }
                let out = Array(trace.output.row(r))
                #expect(row.predicted == (part.hasClass ? iris.outputLabels[out.firstIndex(of: out.max()!)!] : ""))
            }
        }
    }

    /// A layer wider than 12 shows its first six and last three neurons around a `…` column.
    @Test func wideLayersAreElided() throws {
        let net = try Network.generated(name: "wide", sizes: [20, 3], activations: [.relu], seed: 1, scale: 1, bias: .zeros)
        let trace = try net.forward(try SampleLoader.random(count: 2, seed: 1, for: net))
        let t = BatchTable(network: net, trace: trace)
        #expect(t.parts[0].columns.map(\.label) == ["x1", "x2", "x3", "x4", "x5", "x6", "…", "x18", "x19", "x20"])
        #expect(t.parts[0].rows[1].cells[6].value == "…")
        #expect(value(t.parts[0].rows[1].cells[9].value).map { abs($0 - trace.input[1, 19]) <= 0.0005 } == true)
    }

    @Test func wholeNumbersShowNoDecimals() throws {
        let xor = try NetworkResolver.resolve("xor")
        let trace = try xor.forward(try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        let t = BatchTable(network: xor, trace: trace)
        #expect(t.parts.count == 1)
        #expect(t.parts[0].rows.map { $0.cells.map(\.value) } == [["0", "0", "0", "0", "0"], ["0", "1", "1", "0", "1"],
                                                         ["1", "0", "1", "0", "1"], ["1", "1", "1", "1", "0"]])
        #expect(!t.hasClass && !t.truncated)
    }

    @Test func numbersAreLocaleFreeAndRounded() {
        #expect(LabelFormat.fixed(-0.0004, 3) == "0.000")
        // The digits printf and NumPy print: correctly rounded from the binary value, exact ties to even.
        #expect(LabelFormat.fixed(-1.25, 1) == "\u{2212}1.2")
        #expect(LabelFormat.fixed(2.5, 0) == "2")
        #expect(LabelFormat.fixed(2.675, 2) == "2.67" && NumberFormat.fixed(2.675, decimals: 2) == "2.67")
        #expect(LabelFormat.fixed(0.125, 2) == "0.12" && NumberFormat.fixed(0.125, decimals: 2) == "0.12")
        #expect(LabelFormat.fixed(0.375, 2) == "0.38" && LabelFormat.fixed(1.005, 2) == "1.00")
        for v in [0.5, 1.5, 2.675, -0.125, 1e-7, 123.456789, 0.1 + 0.2] {
            for d in 0...6 { #expect(LabelFormat.fixed(v, d).replacingOccurrences(of: "\u{2212}", with: "-") == NumberFormat.fixed(v, decimals: d)) }
        }
        #expect(LabelFormat.fixed(-2.5e16, 3) == "\u{2212}2.5e+16")
        #expect(ReportNumber.short(0.5000) == "0.5")
        #expect(ReportNumber.short(-2) == "\u{2212}2")
        #expect(LabelFormat.count(109184) == "109\u{202F}184")
        #expect(LabelFormat.count(139) == "139")
    }
}
