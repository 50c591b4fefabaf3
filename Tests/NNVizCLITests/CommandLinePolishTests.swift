import Foundation
import Testing
import NNVizTestSupport

/// The command line reads what users type: negative ranges and slices, `-o` into a folder not made yet, and sample
/// values separated by spaces or ending in a comma are explained.
@Suite struct CommandLinePolishTests {
    @Test func negativeRangesAndSlicesParse() throws {
        for args in [["regions", "xor", "--x-range", "-1:2", "--y-range", "-0.5:1.5"], ["regions", "tiny-net", "--slice", "-1,0.5"]] {
            let (r, d) = try PrintSizeTests.run(args, "r.png")
            #expect(r.status == 0 && r.stderr.isEmpty && d != nil, "\(args): \(r.stderr)")
        }
    }

    @Test func outputIntoAMissingFolderCreatesIt() throws {
        let dir = try FigureCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["diagram", "xor", "-o", "figures/week 1/xor.svg"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/week 1/xor.svg").path))
        // A refused figure creates nothing.
        let bad = try NNVizBinary.run(["regions", "xor", "--neurons", "--width", "200", "--height", "200", "-o", "other/r.png"], cwd: dir)
        #expect(bad.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("other").path))
    }

    @Test func sampleValuesAreExplained() throws {
        let cases: [(String, String)] = [
            ("1 0 1 0", "error: --sample: sample 0: '1 0 1 0' separates values with spaces; separate values with commas, e.g. 0,0,0,0\n"),
            ("1,0,1,0,", "error: --sample: sample 0: empty value at position 5 of '1,0,1,0,'\n"),
        ]
        for (value, message) in cases {
            let r = try NNVizBinary.run(["forward", "tiny-net", "--sample", value])
            #expect(r.status == 1 && r.stderr == message)
        }
    }
}
