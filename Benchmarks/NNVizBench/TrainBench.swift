import Foundation
import NNVizEngine

/// The training workloads of issue 11: XOR end to end with its figures, and the mini-batch loop alone on moons.
extension BenchSession {
    /// Snapshot epochs of the end-to-end run: eight, as the target says.
    static let trainSnapshots = "0,1,3,10,30,100,1000,3000"

    /// `name`'s starting network written as an explicit spec for the peer; its path.
    func startSpec(_ name: String) throws -> String {
        let path = inputs.directory + "/\(name)-start.json"
        try NetworkWriter.json(try NetworkResolver.resolve(name)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `nnviz train xor-train` for 3000 epochs with 8 snapshots and every figure, against the peer's loop and the
    /// same files: loss, weights and filmstrip as PNG and SVG (matplotlib) and an 8-frame 1280 × 720 GIF (Pillow).
    func trainXOR(_ r: inout WorkloadResult) {
        let figures = out + "/train-xor", peerFigures = out + "/peer-train-xor"
        let spec: String
        do { spec = try startSpec("xor-train") } catch { r.nnvizNote = "failed: \(error)"; return }
        pair(&r, ["train", "xor-train", "--data", "xor", "--lr", "1", "--epochs", "3000", "--snapshots", Self.trainSnapshots,
                  "-o", out + "/train-xor.json", "--figures", figures, "--quiet"], runs: Swift.min(5, runs), file: figures + "/filmstrip.png",
             peer: [peers + "/train.py", spec, "--data", "xor", "--lr", "1", "--epochs", "3000", "--snapshots", Self.trainSnapshots,
                    "--figures", peerFigures], peerRuns: Swift.min(5, peerRuns), peerFile: peerFigures + "/filmstrip.png",
             note: "peer: NumPy loop + the same 7 files (matplotlib PNG/SVG, Pillow GIF)")
    }

    /// The training loop alone: moons-train (2→16→16→1 tanh, relu, sigmoid) on moons, batches of 16, lr 0.05, 300
    /// epochs, in process (no figures, no files), median of 5 against the peer's loop timed inside Python.
    func trainLoop(_ r: inout WorkloadResult) {
        let epochs = 300
        let options = TrainingOptions(epochs: epochs, learningRate: 0.05, batchSize: 16, seed: 0)
        var seconds: [Double] = []
        var final = Double.nan
        do {
            let net = try NetworkResolver.resolve("moons-train")
            let data = try Dataset.resolve("moons")
            for _ in 0..<5 {
                let trainer = try Trainer(network: net, data: data, options: options, source: "moons-train")
                let start = DispatchTime.now().uptimeNanoseconds
                let result = try trainer.run()
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                final = result.final.loss
            }
            r.nnviz = Timing(seconds: seconds)
            r.nnvizNote = String(format: "final loss %.12f", final)
        } catch {
            r.nnvizNote = "failed: \(error)"
            return
        }
        guard let python else {
            r.peerNote = peerNote
            return
        }
        let spec: String
        do { spec = try startSpec("moons-train") } catch { r.peerNote = "failed: \(error)"; return }
        selfTimedPeer(&r, [python, "\(peers)/train.py", spec, "--data", "moons", "--lr", "0.05", "--batch-size", "16",
                           "--epochs", "\(epochs)", "--loop-runs", "5"], name: "peer-train-loop") {
            String(format: "NumPy loop only (median of 5), import and data excluded; final loss %.12f", $0)
        }
    }
}
