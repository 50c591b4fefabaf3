import CGif
import Foundation
import NNVizTestSupport
import Testing

/// `nnviz train --figures` on XOR: every figure written, training.gif decoded by giflib with one frame per
/// requested frame, the same bytes on a rerun, and `--save-snapshots` unchanged by the extra epochs figures keep.
@Suite struct TrainFiguresTests {
    static let args = ["train", "xor-train", "--data", "xor", "--lr", "1", "--epochs", "100", "--frames", "4", "--quiet"]

    /// Frame count and size giflib reads from the file.
    static func gifInfo(_ url: URL) throws -> (frames: Int, width: Int, height: Int) {
        var error: Int32 = 0
        let gif = try #require(DGifOpenFileName(url.path, &error))
        defer { DGifCloseFile(gif, &error) }
        #expect(DGifSlurp(gif) == GIF_OK)
        return (Int(gif.pointee.ImageCount), Int(gif.pointee.SWidth), Int(gif.pointee.SHeight))
    }

    @Test func figuresGifAndSnapshots() throws {
        let dir = try TrainCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(Self.args + ["--figures", "fig", "--save-snapshots", "snaps", "-o", "t.json"], cwd: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 2)
        let names = ["loss.png", "loss.svg", "filmstrip.png", "filmstrip.svg", "weights.png", "weights.svg", "training.gif"]
        let listed = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("fig").path).sorted()
        #expect(listed == names.sorted())
        let gifURL = dir.appendingPathComponent("fig/training.gif")
        let gif = try Data(contentsOf: gifURL)
        #expect(gif.starts(with: Array("GIF89a".utf8)))
        let info = try Self.gifInfo(gifURL)
        #expect(info.frames == 4 && info.width == 1280 && info.height == 720)
        // Only the default snapshots (0, 1, 3, 10, 30, 100) are saved, not the frames' or the weight lines' epochs.
        let snaps = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("snaps").path).sorted()
        #expect(snaps == ["epoch-0000.json", "epoch-0001.json", "epoch-0003.json", "epoch-0010.json", "epoch-0030.json", "epoch-0100.json"])
        let again = try NNVizBinary.run(Self.args + ["--figures", "fig2", "-o", "t2.json"], cwd: dir)
        #expect(again.status == 0)
        for name in names {
            let first = try Data(contentsOf: dir.appendingPathComponent("fig/" + name))
            let second = try Data(contentsOf: dir.appendingPathComponent("fig2/" + name))
            #expect(first == second, "\(name) differs on a rerun")
        }
    }

    @Test func refusals() throws {
        let dir = try TrainCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["train", "xor-train", "--data", "xor", "--frames", "1", "--figures", "f", "-o", "t.json"], cwd: dir)
        #expect(r.status == 64 && r.stderr == "error: nnviz: --frames must be between 2 and 500, got 1 (see nnviz help)\n")
    }
}
