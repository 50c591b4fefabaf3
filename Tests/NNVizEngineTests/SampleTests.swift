import Foundation
import Testing
@testable import NNVizEngine

@Suite struct SampleTests {
    static let xor = try! NetworkResolver.resolve("xor")
    static func net3() throws -> Network { try NpzNetwork.load(path: Fixture.url("net.npz").path) }

    func loaders() throws -> [String: Any] { try Fixture.json("loaders.json") }

    @Test func sampleRows() throws {
        let m = try SampleLoader.parse(samples: ["0,1", " 1.5 , -2e-1"], for: Self.xor)
        #expect(m.rowArrays == [[0, 1], [1.5, -0.2]])
        expectError("error: samples: sample 1: has 3 values but xor takes 2 inputs (x1, x2)") {
            try SampleLoader.parse(samples: ["0,1", "1,2,3"], for: Self.xor)
        }
        expectError("error: samples: sample 0, value 2: 'abc' is not a number") {
            try SampleLoader.parse(samples: ["1,abc"], for: Self.xor)
        }
        expectError("error: samples: sample 0, value 1: is not a finite number (nan)") {
            try SampleLoader.parse(samples: ["nan,1"], for: Self.xor)
        }
    }

    /// `--random N --seed S` is `np.random.seed(S); np.random.randn(N, inputs)`, bit for bit.
    @Test func randomMatchesNumPy() throws {
        for c in try loaders()["random"] as? [[String: Any]] ?? [] {
            let inputs = c["inputs"] as? Int ?? 0
            let net = try Network.generated(name: "n", sizes: [inputs, 1], activations: [.linear], seed: 0, scale: 1, bias: .zeros)
            let m = try SampleLoader.random(count: c["n"] as? Int ?? 0, seed: UInt32(c["seed"] as? Int ?? 0), for: net)
            #expect(m.data.map(\.bitPattern) == (c["bits"] as? [String] ?? []).map { Fixture.double(bits: $0).bitPattern })
        }
        expectError("error: random samples: needs at least 1 sample, got 0") { try SampleLoader.random(count: 0, seed: 0, for: Self.xor) }
    }

    @Test func batchFilesMatchNumPy() throws {
        let f = try loaders()
        let want = (f["batch"] as? [String] ?? []).map { Fixture.double(bits: $0).bitPattern }
        let want32 = (f["batch32"] as? [String] ?? []).map { Fixture.double(bits: $0).bitPattern }
        let net = try Self.net3()
        for (name, expected) in [("batch.csv", want), ("batch.json", want), ("batch.npy", want), ("batch_f32.npy", want32)] {
            let m = try SampleLoader.load(path: Fixture.url(name).path, for: net)
            #expect(m.rows == 6 && m.cols == 3, "\(name)")
            #expect(m.data.map(\.bitPattern) == expected, "\(name)")
        }
        let path = Fixture.url("batch.csv").path
        expectError("error: \(path): has 3 columns but xor takes 2 inputs (x1, x2)") { try SampleLoader.load(path: path, for: Self.xor) }
    }

    @Test func csvErrors() {
        let limits = LoadLimits()
        expectError("error: b.csv: row 3, column 2: 'x' is not a number") {
            try CSVBatch.parse("a,b\n1,2\n3,x\n", source: "b.csv", limits: limits)
        }
        expectError("error: b.csv: row 2: has 3 values but row 1 has 2") {
            try CSVBatch.parse("1,2\n3,4,5\n", source: "b.csv", limits: limits)
        }
        expectError("error: b.csv: row 2: has 1 values but the header (row 1) has 2") {
            try CSVBatch.parse("a,b\n3\n", source: "b.csv", limits: limits)
        }
        expectError("error: b.csv: row 2, column 1: is empty; expected a number") {
            try CSVBatch.parse("1,2\n,4\n", source: "b.csv", limits: limits)
        }
        expectError("error: b.csv: holds no samples") { try CSVBatch.parse("a,b\n\n", source: "b.csv", limits: limits) }
        #expect((try? CSVBatch.parse("x1, x2\r\n1, 2\r\n3,4\r\n", source: "b.csv", limits: limits))?.rowArrays == [[1, 2], [3, 4]])
    }

    @Test func jsonAndNpyErrors() {
        expectError("error: b.json: [1][0]: is not a finite number (NaN)") { try SampleLoader.jsonBatch("[[1], [NaN]]", source: "b.json") }
        expectError("error: b.json: [1]: has 1 values but row 0 has 2 (ragged matrix)") { try SampleLoader.jsonBatch("[[1, 2], [3]]", source: "b.json") }
        expectError("error: b.npy: not a .npy file (bad magic bytes)") { try SampleLoader.npyBatch(Array("hello world".utf8), source: "b.npy") }
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000, 1000), }"
        let padded = header + String(repeating: " ", count: 117 - header.utf8.count) + "\n"
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 118, 0] + Array(padded.utf8)
        bytes += [UInt8](repeating: 0, count: 16)
        expectError("error: b.npy: header claims shape (1000, 1000) (8000000 bytes of data) but only 16 bytes follow") {
            try SampleLoader.npyBatch(bytes, source: "b.npy")
        }
        let h2 = "{'descr': '<c16', 'fortran_order': False, 'shape': (1, 2), }"
        let b2: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(h2.utf8.count + 1), 0] + Array((h2 + "\n").utf8) + [UInt8](repeating: 0, count: 32)
        expectError("error: b.npy: has dtype '<c16'; only float, integer and boolean arrays are supported") { try SampleLoader.npyBatch(b2, source: "b.npy") }
    }

    @Test func npzNetworksMatchNumPy() throws {
        let f = try loaders()["npz"] as? [String: Any] ?? [:]
        for (file, wKey, bKey) in [("net.npz", "weights", "biases"), ("net_compressed.npz", "weights32", "biases32")] {
            let net = try NpzNetwork.load(path: Fixture.url(file).path)
            #expect(net.sizes == [3, 4, 2])
            #expect(net.layers.map(\.activation) == [.relu, .softmax])
            let ws = f[wKey] as? [[String]] ?? [], bs = f[bKey] as? [[String]] ?? []
            for (k, layer) in net.layers.enumerated() {
                #expect(layer.weights.data.map(\.bitPattern) == ws[k].map { Fixture.double(bits: $0).bitPattern })
                #expect(layer.bias.map(\.bitPattern) == bs[k].map { Fixture.double(bits: $0).bitPattern })
            }
        }
        let path = Fixture.url("net.npz").path
        #expect(try NpzNetwork.load(path: path, activations: [.tanh, .sigmoid]).layers.map(\.activation) == [.tanh, .sigmoid])
        expectError("error: the activations: has 1 names but \(path) has 2 layers") { try NpzNetwork.load(path: path, activations: [.tanh]) }
        let bomb = Fixture.url("bomb.npz").path
        expectError("error: \(bomb): W1.npy: claims 4294967280 bytes uncompressed, more than the limit of 400004096") {
            try NpzNetwork.load(path: bomb)
        }
        let bogus = Fixture.url("batch.csv").path
        expectError("error: \(bogus): is not a readable .npz (zip) archive") { try NpzNetwork.load(path: bogus) }
    }
}
