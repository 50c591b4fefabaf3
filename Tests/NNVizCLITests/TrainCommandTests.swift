import Foundation
import NNVizEngine
import NNVizTestSupport
import Testing

/// `nnviz train` end to end through the built binary: the bundled training examples reproduce the NumPy reference,
/// every output file is byte-identical on a rerun and loads back, and refusals print their exact one line.
@Suite struct TrainCommandTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The reference's final weights and biases for the case called `name` in training.json.
    static func reference(_ name: String) throws -> [[Double]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: NNVizBinary.fixture("training.json")))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let c = (root["cases"] as? [[String: Any]] ?? []).first { $0["name"] as? String == name } ?? [:]
        func values(_ hex: [String]) -> [Double] { hex.map { Double(bitPattern: UInt64($0, radix: 16) ?? 0) } }
        let ws = (c["W"] as? [[String]] ?? []).map(values), bs = (c["b"] as? [[String]] ?? []).map(values)
        return zip(ws, bs).map { $0 + $1 }
    }

    static let runs: [(reference: String, args: [String])] = [
        ("xor", ["train", "xor-train", "--data", "xor", "--lr", "1", "--epochs", "3000"]),
        ("moons-momentum", ["train", "moons-train", "--data", "moons", "--lr", "0.05", "--momentum", "0.9",
                            "--batch-size", "16", "--seed", "7", "--epochs", "150"]),
    ]

    /// The bundled trained examples are what `nnviz train` writes today: Examples/spirals/train.sh's command rerun
    /// gives the committed spec byte for byte (and ExampleTests checks the bundled text is that file).
    @Test(arguments: ["wide", "deep"]) func spiralsExamplesAreWhatTrainingWrites(_ shape: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/spirals")
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["train", folder.appendingPathComponent("spirals-\(shape).start.yaml").path, "--data", "spirals",
                                     "--epochs", "300", "--optimizer", "adam", "--lr", "0.02", "--seed", "0", "--quiet", "-o", "t.yaml"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let made = try Data(contentsOf: dir.appendingPathComponent("t.yaml"))
        #expect(made == (try Data(contentsOf: folder.appendingPathComponent("spirals-\(shape).yaml"))))
    }

    @Test(arguments: 0..<2) func bundledExampleMatchesReferenceAndRerunsIdentically(_ index: Int) throws {
        let (name, args) = Self.runs[index]
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["t.json", "t.yaml", "t.npz", "h.csv"]
        var first: [String: Data] = [:]
        for round in 0..<2 {
            for out in ["t.json", "t.yaml", "t.npz"] {
                let r = try NNVizBinary.run(args + ["-o", out, "--history", "h.csv", "--snapshots", "0,5,150", "--save-snapshots", "snaps"], cwd: dir)
                #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
                #expect(r.stdout.hasPrefix("\(args[1]): \(args.last ?? "") epochs, sgd"), "\(r.stdout)")
            }
            for f in files + ["snaps/epoch-0000.json", "snaps/epoch-0005.json", "snaps/epoch-0150.json"] {
                let bytes = try Data(contentsOf: dir.appendingPathComponent(f))
                if round == 0 { first[f] = bytes } else { #expect(bytes == first[f], "\(f) differs on a rerun") }
            }
        }
        let ref = try Self.reference(name)
        let json = try NetworkSpec.load(path: dir.appendingPathComponent("t.json").path)
        let yaml = try NetworkSpec.load(path: dir.appendingPathComponent("t.yaml").path)
        #expect(json == yaml)
        // The .npz carries the same numbers and the activations (names and labels are the defaults there).
        let npz = try NpzNetwork.load(path: dir.appendingPathComponent("t.npz").path)
        #expect(npz.layers.map(\.activation) == json.layers.map(\.activation))
        #expect(npz.layers.map(\.weights) == json.layers.map(\.weights) && npz.layers.map(\.bias) == json.layers.map(\.bias))
        let relu = try NpzNetwork.load(path: dir.appendingPathComponent("t.npz").path,
                                       activations: Array(repeating: .relu, count: json.layers.count))
        #expect(relu.layers.allSatisfy { $0.activation == .relu }, "--activations overrides the stored names")
        #expect(json.name == args[1])
        #expect(json == (try NetworkResolver.resolve(args[1]).withParameters(of: json)))
        #expect(ref.count == json.layers.count)
        for (layer, values) in zip(json.layers, ref) {
            let got = layer.weights.data + layer.bias
            #expect(got.count == values.count)
            for (g, v) in zip(got, values) { #expect(abs(g - v) <= 1e-9 * max(1, abs(v)), "\(name): \(g) vs \(v)") }
        }
        // The written numbers are the trained ones to the bit: the JSON reloads to what the YAML reloads to, and
        // the history's last loss is the one printed.
        let history = try String(contentsOf: dir.appendingPathComponent("h.csv"), encoding: .utf8).split(separator: "\n")
        #expect(history.first == "epoch,loss,accuracy")
        #expect(history.count == Int(args.last ?? "") .map { $0 + 2 })
        #expect(history[1].hasPrefix("0,"))
        // A snapshot of epoch 0 is the untrained example.
        let start = try NetworkSpec.load(path: dir.appendingPathComponent("snaps/epoch-0000.json").path)
        #expect(start == (try NetworkResolver.resolve(args[1])))
    }

    /// Softmax and cross-entropy on the three-class bundled sets: `blobs-train` on `blobs` (2-D, with the
    /// three-class filmstrip) and `iris` on Fisher's 4-D table (no regions figures). The printed final accuracy
    /// is the trained file's own, recomputed here from its predictions.
    @Test func threeClassDatasetsTrain() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (net, data, lr, epochs, figures) in [("blobs-train", "blobs", "0.5", "120", ["filmstrip.png", "training.gif", "loss.png"]),
                                                   ("iris", "iris", "0.02", "200", ["loss.png", "weights.png"])] {
            let r = try NNVizBinary.run(["train", net, "--data", data, "--lr", lr, "--epochs", epochs, "-o", "\(net).json",
                                         "--figures", "f-\(net)", "--frames", "3", "--width", "480"], cwd: dir)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "\(net): \(epochs) epochs, sgd, lr \(lr), full batch, loss ce")
            let trained = try NetworkSpec.load(path: dir.appendingPathComponent("\(net).json").path)
            let ds = try Dataset.resolve(data)
            let predicted = try trained.predict(ds.points)
            let correct = zip(predicted, ds.labels).filter { $0.0 == $0.1 }.count
            let accuracy = NumberFormat.fixed(100 * Double(correct) / Double(ds.count), decimals: 1)
            #expect(lines.count > 1 && lines[1].hasSuffix("→ \(accuracy) %"), "\(lines)")
            #expect(correct * 10 >= ds.count * 9, "\(net) learns \(data): \(correct) of \(ds.count)")
            for f in figures { #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("f-\(net)/\(f)").path), "\(f)") }
        }
    }

    @Test func validationAddsColumnsAndAdamRuns() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["train", "moons-train", "--data", "moons:100", "--optimizer", "adam", "--lr", "0.01",
                                     "--batch-size", "10", "--epochs", "20", "--validation", "0.2", "--history", "h.csv",
                                     "--figures", "fig", "-o", "t.json", "--quiet"], cwd: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4 && lines[0] == "moons-train: 20 epochs, adam, lr 0.01, batch 10, loss bce")
        #expect(lines.count == 4 && lines[2].hasPrefix("validation: loss "))
        // 2-16-16-1 has 304 weights: too many lines for the weights-over-time figure, and stdout says so.
        #expect(lines.count == 4 && lines[3] == "weights.png left out: 304 weights, more than the 200 it draws")
        let history = try String(contentsOf: dir.appendingPathComponent("h.csv"), encoding: .utf8).split(separator: "\n")
        #expect(history.first == "epoch,loss,accuracy,val_loss,val_accuracy" && history.count == 22)
        // The loss-curve figure, PNG and SVG, the same bytes on a rerun.
        let png = try Data(contentsOf: dir.appendingPathComponent("fig/loss.png"))
        let svg = try Data(contentsOf: dir.appendingPathComponent("fig/loss.svg"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && String(decoding: svg, as: UTF8.self).contains("<svg"))
        let again = try NNVizBinary.run(["train", "moons-train", "--data", "moons:100", "--optimizer", "adam", "--lr", "0.01",
                                         "--batch-size", "10", "--epochs", "20", "--validation", "0.2", "--figures", "fig2",
                                         "-o", "t2.json", "--quiet"], cwd: dir)
        #expect(again.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("fig2/loss.png")) == png)
        #expect(try Data(contentsOf: dir.appendingPathComponent("fig2/loss.svg")) == svg)
        for name in ["filmstrip.png", "filmstrip.svg", "training.gif"] {
            let first = try Data(contentsOf: dir.appendingPathComponent("fig/" + name))
            let second = try Data(contentsOf: dir.appendingPathComponent("fig2/" + name))
            #expect(!first.isEmpty && second == first)
        }
        // The trained network is read by the other commands.
        let s = try NNVizBinary.run(["summary", "t.json"], cwd: dir)
        #expect(s.status == 0 && s.stderr.isEmpty)
    }

    @Test func refusals() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x1,x2,label\n0,0,0\n1,1,2\n".write(to: dir.appendingPathComponent("three.csv"), atomically: true, encoding: .utf8)
        let cases: [([String], Int32, String)] = [
            (["train", "xor", "--data", "xor", "-o", "t.json"], 1,
             "error: xor: layers[0] (hidden): step has no gradient to train with (its slope is 0 everywhere); use sigmoid, a smooth step\n"),
            (["train", "iris", "--data", "xor", "-o", "t.json"], 1,
             "error: xor: has 2 features per sample but the network takes 4 inputs\n"),
            (["train", "xor-train", "--data", "three.csv", "-o", "t.json"], 1,
             "error: three.csv: sample 1: label 2 is out of range; one output neuron takes labels 0 and 1\n"),
            (["train", "xor-train", "--data", "xor", "--loss", "ce", "-o", "t.json"], 1,
             "error: xor-train: layers[1] (output): loss ce needs a softmax output, not sigmoid; use --loss bce\n"),
            (["train", "xor-train", "--data", "xor", "-o", "t.txt"], 1,
             "error: t.txt: unknown network format; use .json, .yaml or .npz\n"),
            (["train", "xor-train", "--data", "xor", "--lr", "0", "-o", "t.json"], 64,
             "error: nnviz: --lr must be a positive number, got 0.0 (see nnviz help)\n"),
            (["train", "xor-train", "--data", "xor", "--optimizer", "rmsprop", "-o", "t.json"], 64,
             "error: nnviz: --optimizer must be sgd or adam, got 'rmsprop' (see nnviz help)\n"),
            (["train", "xor-train", "--data", "xor", "--epochs", "10", "--snapshots", "0,20", "-o", "t.json"], 64,
             "error: nnviz: --snapshots: '20' is not an epoch from 0 to 10 (see nnviz help)\n"),
            (["train", "xor-train", "--data", "xor", "--validation", "0.9", "-o", "t.json"], 1,
             "error: --validation: holds out 4 of 4 rows, leaving none to train on; use a smaller fraction\n"),
        ]
        for (args, status, message) in cases {
            let r = try NNVizBinary.run(args, cwd: dir)
            #expect(r.status == status && r.stderr == message && r.stdout.isEmpty, "\(args): \(r.status) \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.json").path))
    }
}

extension Network {
    /// This network with the weights and biases of `other` (same shapes), to compare everything else.
    fileprivate func withParameters(of other: Network) throws -> Network {
        var out = self
        for l in out.layers.indices {
            out = try out.replacingLayer(l, with: out.layers[l].withParameters(weights: other.layers[l].weights, bias: other.layers[l].bias))
        }
        return out
    }
}
