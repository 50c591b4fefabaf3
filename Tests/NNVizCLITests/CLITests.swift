import Foundation
import Testing
import NNVizTestSupport

/// End-to-end tests of the built `nnviz` binary: exact stdout, stderr and exit status.
@Suite struct CLITests {
    @Test func summaryIris() throws {
        let r = try NNVizBinary.run(["summary", "iris"])
        #expect(r == .init(stdout: """
            iris: 4→8→8→3
            inputs: sepal_length, sepal_width, petal_length, petal_width
            outputs: setosa, versicolor, virginica

            layer     shape  activation  weights  biases  parameters
            hidden 1  4 × 8  relu             32       8          40
            hidden 2  8 × 8  relu             64       8          72
            output    8 × 3  softmax          24       3          27

            total: 4·8+8 + 8·8+8 + 8·3+3 = 139 parameters

            """, stderr: "", status: 0))
    }

    @Test func summaryJSONIsValidAndComplete() throws {
        let r = try NNVizBinary.run(["summary", "xor", "--json"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(obj["parameters"] as? Int == 9)
        #expect(obj["formula"] as? String == "2·2+2 + 2·1+1 = 9")
        #expect(obj["sizes"] as? [Int] == [2, 2, 1])
        let layers = obj["layers"] as? [[String: Any]] ?? []
        #expect(layers.map { $0["neurons"] as? [String] ?? [] } == [["OR", "AND"], ["xor"]])
    }

    @Test func forwardXorCorners() throws {
        let r = try NNVizBinary.run(["forward", "xor", "--sample", "0,0", "--sample", "0,1", "--sample", "1,0", "--sample", "1,1",
                                     "--precision", "0"])
        #expect(r == .init(stdout: """
            xor: 4 samples from --sample

            input     x1  x2
            sample 0   0   0
            sample 1   0   1
            sample 2   1   0
            sample 3   1   1

            hidden step  OR  AND
            sample 0      0    0
            sample 1      1    0
            sample 2      1    0
            sample 3      1    1

            output step  xor
            sample 0       0
            sample 1       1
            sample 2       1
            sample 3       0

            """, stderr: "", status: 0))
    }

    /// The issue's acceptance check: `--json` agrees with NumPy to 1e-12 (fixture made by make_fixtures.py).
    @Test func forwardTinyNetJSONMatchesNumPy() throws {
        let r = try NNVizBinary.run(["forward", "tiny-net", "--sample", "0.6,0.1,0.9,0.4", "--json"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let got = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: NNVizBinary.fixture("examples.json"))))
        let tiny = (fixture as? [String: Any])?["tiny-net"] as? [String: Any] ?? [:]
        let layers = got["layers"] as? [[String: Any]] ?? []
        #expect(layers.count == 2)
        for (k, layer) in layers.enumerated() {
            for key in ["pre", "post"] {
                let want = ((tiny[key] as? [[[Double]]])?[k].first) ?? []
                let have = (layer[key] as? [[Double]])?.first ?? []
                #expect(have.count == want.count && !want.isEmpty)
                for (h, w) in zip(have, want) { #expect(abs(h - w) <= 1e-12, "\(key) layer \(k): \(h) vs \(w)") }
            }
        }
        #expect(got["samples"] as? [[Double]] == [[0.6, 0.1, 0.9, 0.4]])
    }

    @Test func forwardBatchFilesAndRandom() throws {
        let npz = NNVizBinary.fixture("net.npz")
        let csv = try NNVizBinary.run(["forward", npz, "--batch", NNVizBinary.fixture("batch.csv"), "--json"])
        let npy = try NNVizBinary.run(["forward", npz, "--batch", NNVizBinary.fixture("batch.npy"), "--json"])
        #expect(csv.status == 0 && npy.status == 0)
        #expect(csv.stdout.replacingOccurrences(of: "batch.csv", with: "batch.npy") == npy.stdout)
        let rnd = try NNVizBinary.run(["forward", "iris", "--random", "3", "--seed", "5"])
        #expect(rnd.status == 0 && rnd.stdout.hasPrefix("iris: 3 samples from --random 3 --seed 5\n"))
    }

    func expectError(_ args: [String], _ line: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try NNVizBinary.run(args)
        #expect(r == .init(stdout: "", stderr: line + "\n", status: status), sourceLocation: sourceLocation)
    }

    @Test func errorsAreOneLine() throws {
        try expectError(["summary", "foo"],
                        "error: foo: unknown example or missing file; examples: neuron, xor, xor-sigmoid, xor-no-activation, tiny-net, homework, iris, mlp-784, xor-train, xor-linear, moons-train, blobs-train, spirals-wide, spirals-deep")
        try expectError(["forward", "xor"],
                        "error: forward: needs samples: --sample v,v,… (repeatable), --batch FILE or --random N [--seed S]")
        try expectError(["forward", "xor", "--sample", "1,2,3"], "error: --sample: sample 0: has 3 values but xor takes 2 inputs (x1, x2)")
        try expectError(["forward", "xor", "--sample", "1,x"], "error: --sample: sample 0, value 2: 'x' is not a number")
        try expectError(["summary", "missing.yaml"], "error: missing.yaml: no such file")
        try expectError(["summary", "xor", "--activations", "relu"],
                        "error: --activations: applies only to .npz networks and state dicts; xor names its activations itself")
        let npz = NNVizBinary.fixture("net.npz")
        try expectError(["summary", npz, "--activations", "relu,sigmoud"],
                        "error: --activations: name 2: unknown activation 'sigmoud'; did you mean 'sigmoid'? valid: linear, step, sigmoid, tanh, relu, leaky_relu, softmax")
        try expectError(["forward", "xor", "--batch", NNVizBinary.fixture("batch.csv")],
                        "error: \(NNVizBinary.fixture("batch.csv")): has 3 columns but xor takes 2 inputs (x1, x2)")
    }

    @Test func activationsTakeALeakySlope() throws {
        let npz = NNVizBinary.fixture("net.npz")
        let r = try NNVizBinary.run(["summary", npz, "--activations", "leaky_relu:0.2,sigmoid"])
        #expect(r.status == 0 && r.stdout.contains("hidden  3 × 4  leaky_relu(0.2)       12       4          16\n"), "\(r)")
        let json = try NNVizBinary.run(["summary", npz, "--activations", "leaky_relu:0.2,sigmoid", "--json"])
        #expect(json.stdout.contains("\"activation\": \"leaky_relu:0.2\""))
        try expectError(["summary", npz, "--activations", "leaky_relu:nan,sigmoid"],
                        "error: --activations: name 1: the slope of leaky_relu must be a finite number, not nan")
        try expectError(["summary", npz, "--activations", "relu:0.2,sigmoid"],
                        "error: --activations: name 1: relu takes no parameter; only leaky_relu has one, its slope (e.g. leaky_relu:0.2)")
    }

    @Test func specFileErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            ("net.json", #"{"layers": [{"activation": "step", "weights": [[1, 1], [1, 1]], "bias": [0, 0]}, {"activation": "step", "weights": [[1], [2], [3]], "bias": [0]}]}"#,
             "layers[1].weights: has 3 rows but layer 0 has 2 neurons"),
            ("bad.json", "{\"layers\": [\n  {\"activation\": \"relu\" \"weights\": [[1]]}\n]}",
             "line 2, column 25: malformed JSON/YAML: did not find expected ',' or '}'"),
            ("nan.yaml", "layers:\n  - activation: relu\n    weights: [[1, 2]]\n    bias: [0, .nan]\n",
             "layers[0].bias[1]: is not a finite number (.nan)"),
        ]
        for (name, text, message) in cases {
            let path = dir.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try expectError(["summary", path], "error: \(path): \(message)")
        }
    }

    @Test func usageErrorsAreOneLineToo() throws {
        try expectError(["summary"], "error: nnviz: Missing expected argument '<net>' (see nnviz help)", status: 64)
        try expectError(["forward", "xor", "--sample", "0,1", "--random", "2"],
                        "error: nnviz: give only one of --sample, --batch and --random (see nnviz help)", status: 64)
    }

    @Test func examplesListsEveryExample() throws {
        let r = try NNVizBinary.run(["examples"])
        #expect(r.status == 0)
        let names = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["neuron", "xor", "xor-sigmoid", "xor-no-activation", "tiny-net", "homework", "iris", "mlp-784", "xor-train", "xor-linear", "moons-train", "blobs-train", "spirals-wide", "spirals-deep"])
        #expect(r.stdout.contains("iris               4→8→8→3               139"))
    }

    @Test func versionFlag() throws {
        #expect(try NNVizBinary.run(["--version"]) == .init(stdout: "0.2.0\n", stderr: "", status: 0))
    }
}
