import Foundation
import Testing
import NNVizTestSupport

/// Inputs that are not regular files: a FIFO with no writer must be refused at once, not waited on forever.
@Suite struct SpecialFileTests {
    @Test func fifosAreRefusedNotWaitedOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-fifo-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("net.json").path, npz = dir.appendingPathComponent("net.npz").path
        let csv = dir.appendingPathComponent("batch.csv").path
        for p in [spec, npz, csv] { #expect(mkfifo(p, 0o600) == 0) }
        let runs = [["summary", spec], ["summary", npz], ["forward", "xor", "--batch", csv]]
        let results = NNVizBinary.runAll(runs, timeout: 30)
        for (args, r) in zip(runs, results) {
            let path = args.last!
            #expect(r?.timedOut == false, "\(args) hung")
            #expect(r?.status == 1)
            #expect(r?.stderr == "error: \(path): is not a regular file (a pipe, socket or device); save the data to a file first\n")
        }
    }

    @Test func parameterLimitMustBePositive() throws {
        let r = try NNVizBinary.run(["summary", "xor", "--max-parameters", "0"], timeout: 30)
        #expect(r.status == 64)
        #expect(r.stderr == "error: nnviz: --max-parameters must be at least 1, got 0 (see nnviz help)\n")
    }
}
