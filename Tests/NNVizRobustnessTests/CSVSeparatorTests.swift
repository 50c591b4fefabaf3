import Testing
@testable import NNVizEngine

/// CSV rows end at LF, CRLF or a lone CR (old Mac files); tabs or semicolons between values are named as the wrong
/// separator instead of surfacing as "holds no samples" or "'x1' is not a number".
@Suite struct CSVSeparatorTests {
    static let tabs = "values are separated by tabs; nnviz reads comma-separated values (save as CSV or replace the tabs with commas)"
    static let semicolons = "values are separated by semicolons; nnviz reads comma-separated values "
        + "(save as CSV or replace the semicolons with commas)"
    static let decimalCommas = "values are separated by semicolons, with decimal commas; nnviz reads comma-separated "
        + "values with decimal points (write 0.5, not 0,5)"

    @Test(arguments: ["\r", "\r\n", "\n"]) func everyLineEndingSeparatesRows(_ br: String) throws {
        let batch = try CSVBatch.parse("x1,x2\(br)0,1\(br)1,0.5\(br)", source: "b.csv", limits: LoadLimits())
        #expect(batch.rows == 2 && batch.cols == 2)
        #expect(batch.data == [0, 1, 1, 0.5])
        let data = try Dataset.csv("x1,x2,label\(br)0,0,0\(br)1,1,1\(br)", source: "d.csv")
        #expect(data.points.data == [0, 0, 1, 1])
        #expect(data.labels == [0, 1])
        // Rows are counted as a spreadsheet shows them.
        #expect(throws: NNVizError("b.csv", "row 3, column 2", "'abc' is not a number")) {
            try CSVBatch.parse("x1,x2\(br)0,1\(br)1,abc\(br)", source: "b.csv", limits: LoadLimits())
        }
    }

    @Test func mixedLineEndingsCountEachRowOnce() throws {
        #expect(throws: NNVizError("b.csv", "row 4, column 1", "'x' is not a number")) {
            try CSVBatch.parse("x1,x2\r\n0,1\r1,0\nx,1\r\n", source: "b.csv", limits: LoadLimits())
        }
    }

    @Test func tabsAndSemicolonsAreNamed() {
        let cases: [(String, String, String)] = [
            ("x1\tx2\n0\t1\n", "row 1", Self.tabs),
            ("0\t1\n", "row 1", Self.tabs),                       // one row, no header: was "holds no samples"
            ("x1,x2\n0\t1\n", "row 2", Self.tabs),                // was "has 1 values but the header (row 1) has 2"
            ("x1;x2\n0;1\n", "row 1", Self.semicolons),
            ("0,5;1,0\n", "row 1", Self.decimalCommas),           // was "row 1, column 2: '5;1' is not a number"
        ]
        for (text, row, message) in cases {
            #expect(throws: NNVizError("b.csv", row, message), "\(text.debugDescription)") {
                try CSVBatch.parse(text, source: "b.csv", limits: LoadLimits())
            }
        }
        #expect(throws: NNVizError("d.csv", "row 1", Self.tabs)) {
            try Dataset.csv("x1\tx2\tlabel\n0\t0\t1\n", source: "d.csv")
        }
        #expect(throws: NNVizError("d.csv", "row 2", Self.semicolons)) {
            try Dataset.csv("\n0;0;1\n", source: "d.csv")
        }
    }

    @Test func spacesAroundValuesAreStillFine() throws {
        let batch = try CSVBatch.parse("x1 , x2\t\n 0 ,\t1 \n", source: "b.csv", limits: LoadLimits())
        #expect(batch.data == [0, 1])
    }
}
