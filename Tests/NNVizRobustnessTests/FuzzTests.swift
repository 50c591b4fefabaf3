import Foundation
import Testing
@testable import NNVizEngine
import NNVizTestSupport

/// Thousands of seeded mutations of valid specs, batches, `.npy` and `.npz` files through the loaders and the
/// forward pass, in-process: each must load (and forward to finite values, or throw) or throw an `NNVizError`
/// with a one-line message. A crash or trap would end the test process; a hang trips the time limit.
@Suite struct FuzzTests {
    static let fixtures = NNVizBinary.packageRoot.appendingPathComponent("Tests/NNVizEngineTests/Fixtures")

    /// Valid JSON specs, one key per line so that dropping or repeating a line drops or repeats a key.
    static let jsonSpecs = [
        """
        {
        "name": "xor",
        "inputs": ["x1", "x2"],
        "outputs": ["xor"],
        "layers": [
        {"name": "hidden", "activation": "step", "weights": [[1, 1], [1, 1]], "bias": [-0.5, -1.5], "neurons": ["OR", "AND"]},
        {"activation": "step", "weights": [[1], [-2]], "bias": [-0.5]}
        ]
        }
        """,
        """
        {
        "name": "every-activation",
        "layers": [
        {"activation": "tanh", "weights": [[0.5, -1.5, 2.0], [1e-3, 3.25, -0.75]], "bias": [0.1, -0.2, 0.3]},
        {"activation": "leaky_relu", "weights": [[1, 0], [0, 1], [-1, 2]], "bias": [0, -0.5]},
        {"activation": "linear", "weights": [[2, -1, 0.5], [1, 1, 1]], "bias": [0, 0, 0]},
        {"activation": "softmax", "weights": [[1, -1], [2, 0], [0.5, 0.5]], "bias": [0, 1]}
        ]
        }
        """,
        """
        {
        "name": "generated",
        "inputs": ["a", "b", "c"],
        "sizes": [3, 6, 4, 2],
        "activations": ["relu", "sigmoid", "softmax"],
        "init": {"seed": 123, "scale": 0.8, "bias": "random"}
        }
        """,
    ]

    /// What the fuzzer did, for the summary line.
    struct Tally: CustomStringConvertible {
        var loaded = 0, rejected = 0, forwarded = 0, forwardRejected = 0
        var total: Int { loaded + rejected }
        var description: String {
            "\(total) variants: \(loaded) loaded (\(forwarded) forward passes finite, \(forwardRejected) refused), \(rejected) rejected"
        }
    }

    /// `NNVIZ_FUZZ_SCALE=20` multiplies every variant count for a long hunt by hand; `make test` uses 1.
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["NNVIZ_FUZZ_SCALE"] ?? "") ?? 1)

    /// A fuzz-sized limit, so a mutated `sizes: [4, 100000000]` is refused quickly rather than generated.
    static let limits = LoadLimits(maxParameters: 200_000, maxFileBytes: 1 << 20, maxBatchValues: 200_000)

    func expectTyped(_ e: NNVizError, source: String, _ what: String) {
        #expect(!e.message.isEmpty, "\(what): empty message")
        #expect(e.source == source, "\(what): error names \(e.source), not \(source)")
        #expect(!e.description.contains("\n"), "\(what): message spans lines: \(e.description)")
    }

    /// Runs `net` on ordinary and ±1e4-scaled samples: every value finite, or a typed error.
    func forward(_ net: Network, _ tally: inout Tally, _ what: String) {
        var rng = NumPyRandom(seed: 7)
        var batch = rng.randn(rows: 3, cols: net.inputCount)
        for scale in [1.0, 1e4] {
            if scale != 1 { batch = batch.map { $0 * scale } }
            do {
                let trace = try net.forward(batch, source: "fuzz")
                let finite = (trace.pre + trace.post).allSatisfy { $0.data.allSatisfy(\.isFinite) }
                #expect(finite, "\(what): forward produced a non-finite value without an error")
                tally.forwarded += 1
            } catch {
                expectTyped(error, source: "fuzz", what)
                tally.forwardRejected += 1
            }
        }
    }

    @Test(.timeLimit(.minutes(Self.scale))) func mutatedSpecsLoadOrFailCleanly() throws {
        var m = Mutator(seed: 0x6E6E_7669_7A21)
        var tally = Tally()
        // mlp-784 is left out: its 109k generated weights would slow every variant, and the three small
        // generated examples already exercise the same `sizes`/`init` form. So are the trained spirals examples:
        // 2.5 kB of explicit weights each, the same `layers` form the neuron and xor examples exercise.
        let skipped: Set = ["mlp-784", "spirals-wide", "spirals-deep"]
        var seeds = BundledExample.all.filter { !skipped.contains($0.name) }.map { ($0.yaml, "\($0.name).yaml") }
        seeds += Self.jsonSpecs.enumerated().map { ($0.element, "spec\($0.offset).json") }
        for (text, source) in seeds {
            // The unmutated seed loads: the fuzzer starts from valid input.
            #expect(throws: Never.self) { try NetworkSpec.parse(text, source: source, defaultName: "seed", limits: Self.limits) }
            for i in 0..<(400 * Self.scale) {
                let variant = m.mutate(text: text)
                let what = "\(source) variant \(i)"
                do {
                    let net = try NetworkSpec.parse(variant, source: source, defaultName: "fuzz", limits: Self.limits)
                    tally.loaded += 1
                    forward(net, &tally, what)
                } catch {
                    expectTyped(error, source: source, what)
                    tally.rejected += 1
                }
            }
        }
        print("fuzz specs: \(tally)")
        #expect(tally.total == seeds.count * 400 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    @Test(.timeLimit(.minutes(Self.scale))) func mutatedBatchesLoadOrFailCleanly() throws {
        var m = Mutator(seed: 0xBA7C_4E5)
        var tally = Tally()
        let net = try NpzNetwork.load(path: Self.fixtures.appendingPathComponent("net.npz").path)
        let csv = try String(contentsOf: Self.fixtures.appendingPathComponent("batch.csv"), encoding: .utf8)
        let json = try String(contentsOf: Self.fixtures.appendingPathComponent("batch.json"), encoding: .utf8)
        let loaders: [(String, String, (String) throws(NNVizError) -> Matrix)] = [
            (csv, "batch.csv", { t throws(NNVizError) in try CSVBatch.parse(t, source: "batch.csv", limits: Self.limits) }),
            (json, "batch.json", { t throws(NNVizError) in try SampleLoader.jsonBatch(t, source: "batch.json", limits: Self.limits) }),
        ]
        for (text, source, load) in loaders {
            for i in 0..<(500 * Self.scale) {
                let what = "\(source) variant \(i)"
                do {
                    let batch = try load(m.mutate(text: text))
                    tally.loaded += 1
                    forwardBatch(batch, net, &tally, what)
                } catch {
                    expectTyped(error, source: source, what)
                    tally.rejected += 1
                }
            }
        }
        for name in ["batch.npy", "batch_f32.npy"] {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
            for i in 0..<(500 * Self.scale) {
                let what = "\(name) variant \(i)"
                do {
                    let batch = try SampleLoader.npyBatch(m.mutate(binary: bytes), source: name, limits: Self.limits)
                    tally.loaded += 1
                    forwardBatch(batch, net, &tally, what)
                } catch {
                    expectTyped(error, source: name, what)
                    tally.rejected += 1
                }
            }
        }
        print("fuzz batches: \(tally)")
        #expect(tally.total == 2000 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    /// A loaded batch either has the network's width (and forwards finitely or throws) or is refused for its width.
    func forwardBatch(_ batch: Matrix, _ net: Network, _ tally: inout Tally, _ what: String) {
        do {
            let trace = try net.forward(batch, source: "fuzz")
            #expect((trace.pre + trace.post).allSatisfy { $0.data.allSatisfy(\.isFinite) }, "\(what): non-finite trace")
            tally.forwarded += 1
        } catch {
            expectTyped(error, source: "fuzz", what)
            tally.forwardRejected += 1
        }
    }

    @Test(.timeLimit(.minutes(Self.scale))) func mutatedArchivesLoadOrFailCleanly() throws {
        var m = Mutator(seed: 0x5EED_0A2C)
        var tally = Tally()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["net.npz", "net_compressed.npz"] {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
            for i in 0..<(400 * Self.scale) {
                let path = dir.appendingPathComponent("v\(i)-\(name)").path
                try Data(m.mutate(binary: bytes)).write(to: URL(fileURLWithPath: path))
                let what = "\(name) variant \(i)"
                do {
                    let net = try NpzNetwork.load(path: path, limits: Self.limits)
                    tally.loaded += 1
                    forward(net, &tally, what)
                } catch {
                    expectTyped(error, source: path, what)
                    tally.rejected += 1
                }
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        print("fuzz archives: \(tally)")
        #expect(tally.total == 800 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    /// Mutated PyTorch state dicts (`.pt` zips with a pickle) and safetensors files, made by the frameworks
    /// (`NNVizEngineTests/Fixtures/make_models.py`): each loads or throws a typed one-line error, through the same
    /// resolver every command uses (so a mutation that changes the format is refused as a mismatch).
    @Test(.timeLimit(.minutes(Self.scale))) func mutatedStateDictsLoadOrFailCleanly() throws {
        let tally = try mutateModels(["torch_4_5_1.pt", "views.pt", "torch_4_5_1.safetensors", "torch_4_5_1_bf16.safetensors"],
                                     seed: 0x5EED_0A2D, folder: "sd")
        print("fuzz state dicts: \(tally)")
        #expect(tally.total == 800 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    /// Mutated Keras models (`make_models.py keras`): legacy `.h5` files through the resolver, and the
    /// `model.weights.h5` of a `.keras` archive handed to the reader directly (a mutated zip would mostly fail its
    /// CRC before HDF5 saw it). libhdf5 gets only what passed `HDF5Superblock`; each variant loads or throws a typed
    /// one-line error, and a crash inside libhdf5 would end the test process.
    @Test(.timeLimit(.minutes(Self.scale))) func mutatedKerasModelsLoadOrFailCleanly() throws {
        var m = Mutator(seed: 0x5EED_0A2E)
        var tally = Tally()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-fuzz-keras-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func attempt(_ what: String, source: String, _ load: () throws(NNVizError) -> Network) {
            do {
                let net = try load()
                tally.loaded += 1
                forward(net, &tally, what)
            } catch {
                expectTyped(error, source: source, what)
                tally.rejected += 1
            }
        }
        for name in ["keras_xor.h5", "keras_4_8_8_3.h5"] {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("models/\(name)")))
            for i in 0..<(300 * Self.scale) {
                let path = dir.appendingPathComponent("v\(i)-\(name)").path
                try Data(m.mutate(binary: bytes)).write(to: URL(fileURLWithPath: path))
                attempt("\(name) variant \(i)", source: path) { () throws(NNVizError) in try NetworkResolver.resolve(path, limits: Self.limits) }
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        for name in ["keras_xor.keras", "keras_4_8_8_3.keras"] {
            let path = Self.fixtures.appendingPathComponent("models/\(name)").path
            let archive = try ModelArchive(path: path, kind: "Keras")
            let text = String(decoding: try archive.extract(try #require(archive.entry("config.json")), limit: 1 << 20), as: UTF8.self)
            let config = try KerasConfig(text: text, path: path, location: "config.json")
            let weights = try archive.extract(try #require(archive.entry(KerasFile.weightsMember)), limit: 1 << 20)
            for i in 0..<(300 * Self.scale) {
                let variant = m.mutate(binary: weights)
                attempt("\(name) weights variant \(i)", source: path) { () throws(NNVizError) in
                    try KerasFile.network(config, weights: variant, path: path, limits: Self.limits)
                }
            }
        }
        print("fuzz keras: \(tally)")
        #expect(tally.total == 1200 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }
}

extension FuzzTests {
    /// Mutated ONNX models (protobuf; made by torch.onnx.export and onnx.helper in `make_models.py`): each loads or
    /// throws a typed one-line error through the resolver, whatever the mutation did to lengths, tags and dims.
    @Test(.timeLimit(.minutes(Self.scale))) func mutatedONNXModelsLoadOrFailCleanly() throws {
        let tally = try mutateModels(["torch_4_5_1.onnx", "matmul_add_f64.onnx", "half_typed.onnx", "flatten_dropout.onnx"],
                                     seed: 0x5EED_0A2E, folder: "onnx")
        print("fuzz onnx: \(tally)")
        #expect(tally.total == 800 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    /// 200 × scale mutations of each model file in `names` (under Fixtures/models), each written to a file and read
    /// through the resolver every command uses: it loads (and forwards to finite values) or throws a typed
    /// one-line error naming the file.
    func mutateModels(_ names: [String], seed: UInt64, folder: String) throws -> Tally {
        var m = Mutator(seed: seed)
        var tally = Tally()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-fuzz-\(folder)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("models/\(name)")))
            for i in 0..<(200 * Self.scale) {
                let path = dir.appendingPathComponent("v\(i)-\(name)").path
                try Data(m.mutate(binary: bytes)).write(to: URL(fileURLWithPath: path))
                let what = "\(name) variant \(i)"
                do {
                    let net = try NetworkResolver.resolve(path, limits: Self.limits)
                    tally.loaded += 1
                    forward(net, &tally, what)
                } catch {
                    expectTyped(error, source: path, what)
                    tally.rejected += 1
                }
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return tally
    }

}
