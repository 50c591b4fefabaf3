import Foundation
import Testing
@testable import NNVizEngine

@Suite struct DatasetTests {
    /// A file in a fresh temporary folder holding `text`.
    func tempFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-ds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every bundled generator against make_datasets.py (NumPy's legacy RNG, C-library sin/cos), bit for bit.
    @Test func generatorsMatchNumPyBitForBit() throws {
        let cases = try Fixture.json("datasets.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 25)
        for c in cases {
            let name = c["name"] as? String ?? ""
            let noisy = c["noisy"] as? Bool ?? true
            let count = c["count"] as? Int ?? 0
            let seed = UInt32(c["seed"] as? Int ?? 0)
            let bundled = try #require(BundledDataset.named(name))
            let ds = bundled.generate(count: noisy ? count : nil, classes: c["classes"] as? Int, seed: seed)
            let xs = (c["x"] as? [String] ?? []).map { Fixture.double(bits: $0).bitPattern }
            let ys = (c["y"] as? [String] ?? []).map { Fixture.double(bits: $0).bitPattern }
            #expect(ds.count == xs.count, "\(name) n=\(count) seed=\(seed)")
            #expect(ds.points.column(0).map(\.bitPattern) == xs, "\(name) n=\(count) seed=\(seed): x")
            #expect(ds.points.column(1).map(\.bitPattern) == ys, "\(name) n=\(count) seed=\(seed): y")
            #expect(ds.labels == c["labels"] as? [Int], "\(name) n=\(count) seed=\(seed): labels")
        }
    }

    /// Fisher's table as scikit-learn ships it: the column means of the 150 flowers (3.0573 for the sepal width is
    /// the corrected table's; the UCI copy with the two wrong rows gives 3.0540), rows 35 and 38 as Fisher printed
    /// them, 50 flowers a species.
    @Test func irisIsFishersTable() throws {
        let iris = try Dataset.resolve("iris", seed: 9)
        #expect(iris.count == 150 && iris.points.cols == 4 && iris.classCounts == [50, 50, 50] && iris.name == "iris")
        #expect(iris.points.row(0) == [5.1, 3.5, 1.4, 0.2] && iris.points.row(149) == [5.9, 3.0, 5.1, 1.8])
        #expect(iris.points.row(34) == [4.9, 3.1, 1.5, 0.2] && iris.points.row(37) == [4.9, 3.6, 1.4, 0.1])
        // Sums of one-decimal values stay exact in tenths; the means to 1e-12 (10 ulps of ~6).
        let sums = (0..<4).map { c in iris.points.column(c).reduce(0) { $0 + $1 * 10 }.rounded() }
        #expect(sums == [8765, 4586, 5637, 1799])
        #expect(iris.csv.hasPrefix("x1,x2,x3,x4,label\n5.1,3.5,1.4,0.2,0\n"))
        expectError("error: iris:20: iris is a fixed table of 150 samples; write iris without a count") {
            try Dataset.resolve("iris:20")
        }
    }

    /// `blobs` is three classes of 100; `blobs:K` K classes of 100; `blobs:K:N` N points; K from 2 to 8.
    @Test func blobsTakeAClassCount() throws {
        let three = try Dataset.resolve("blobs")
        #expect(three.count == 300 && three.classCounts == [100, 100, 100] && three.name == "blobs")
        #expect(three.points == BundledDataset.named("blobs")?.generate(count: nil, classes: 3).points)
        let four = try Dataset.resolve("blobs:4", seed: 2)
        #expect(four.count == 400 && four.classCounts == [100, 100, 100, 100] && four.name == "blobs:4")
        let some = try Dataset.resolve("blobs:5:12", seed: 2)
        #expect(some.count == 12 && some.classCount == 5 && some.name == "blobs:5:12")
        expectError("error: blobs:9: '9' is not a class count from 2 to 8; write blobs:4 or blobs:4:400") {
            try Dataset.resolve("blobs:9")
        }
        expectError("error: blobs:3:x: 'x' is not a sample count; write blobs:3:200") {
            try Dataset.resolve("blobs:3:x")
        }
        expectError("error: moons:3:4: '3:4' is not a sample count; write moons:200") {
            try Dataset.resolve("moons:3:4")
        }
    }

    @Test func xorIsTheTruthTable() throws {
        let ds = try Dataset.resolve("xor")
        #expect(ds.points.rowArrays == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(ds.labels == [0, 1, 1, 0])
        #expect(ds.name == "xor")
        let noisy = try Dataset.resolve("xor:200", seed: 5)
        #expect(noisy.count == 200 && noisy.name == "xor:200" && noisy.classCounts == [100, 100])
        #expect(noisy == BundledDataset.named("xor")?.generate(count: 200, seed: 5))
        #expect(noisy != BundledDataset.named("xor")?.generate(count: 200, seed: 6))
    }

    @Test func csvRoundTrip() throws {
        let ds = try Dataset.resolve("moons:9", seed: 3)
        let path = try tempFile("moons.csv", ds.csv)
        let back = try Dataset.resolve(path)
        #expect(back.points == ds.points)
        #expect(back.labels == ds.labels)
        #expect(ds.csv.hasPrefix("x1,x2,label\n"))
    }

    @Test func filesOfEveryForm() throws {
        let csv = try Dataset.csv("a,b,c\n0.5,1,2\n-1,2e1,0\n", source: "d.csv")
        #expect(csv.points.rowArrays == [[0.5, 1], [-1, 20]])
        #expect(csv.labels == [2, 0] && csv.classCount == 3)
        let playground = try Dataset.csv("1,2,-1\n3,4,1\n", source: "p.csv")
        #expect(playground.labels == [0, 1])
        let json = try Dataset.json(#"{"x": [[0, 0], [1, 1]], "y": [1, 0]}"#, source: "d.json")
        #expect(json.points.rowArrays == [[0, 0], [1, 1]] && json.labels == [1, 0])
    }

    @Test func badInputsSayWhere() throws {
        expectError("error: d.csv: sample 1, column 3: class 0.5 is not a whole number from 0 to 255 (or -1/1)") {
            try Dataset.csv("0,0,1\n1,1,0.5\n", source: "d.csv")
        }
        expectError("error: d.csv: has 1 column; expected features then a class column (e.g. x1,x2,label)") {
            try Dataset.csv("1\n0\n", source: "d.csv")
        }
        expectError("error: d.csv: row 2, column 2: 'x' is not a number") {
            try Dataset.csv("0,0,1\n1,x,0\n", source: "d.csv").count
        }
        expectError("error: d.json: y: has 1 classes but x has 2 points") {
            try Dataset.json(#"{"x": [[0, 0], [1, 1]], "y": [1]}"#, source: "d.json")
        }
        expectError("error: d.json: missing key 'y' (one class per point, e.g. [1, 1])") {
            try Dataset.json(#"{"x": [[0, 0]]}"#, source: "d.json")
        }
        expectError("error: d.json: y[1]: class -2.0 is not a whole number from 0 to 255 (or -1/1)") {
            try Dataset.json(#"{"x": [[0, 0], [1, 1]], "y": [0, -2]}"#, source: "d.json")
        }
        expectError("error: moons:abc: 'abc' is not a sample count; write moons:200") { try Dataset.resolve("moons:abc") }
        expectError("error: moons:0: '0' is not a sample count; write moons:200") { try Dataset.resolve("moons:0") }
        expectError("error: blob: unknown dataset or missing file; datasets: xor, circles, moons, spirals, gaussians, blobs, iris") {
            try Dataset.resolve("blob")
        }
        expectError("error: nowhere/d.csv: no such file") { try Dataset.resolve("nowhere/d.csv") }
        let txt = try tempFile("d.txt", "1,2,0\n")
        expectError("error: \(txt): unknown dataset format; use .csv (last column the class) or .json ({\"x\": [[…]], \"y\": […]})") {
            try Dataset.resolve(txt)
        }
    }

    /// The class balance each generator promises, and points in the region its summary describes.
    @Test func generatorsKeepTheirShapes() throws {
        let circles = try Dataset.resolve("circles")
        for r in 0..<circles.count {
            let radius = (circles.points[r, 0] * circles.points[r, 0] + circles.points[r, 1] * circles.points[r, 1]).squareRoot()
            #expect(circles.labels[r] == 1 ? radius <= 0.5 : (radius >= 0.7 && radius <= 1.0))
        }
        for name in ["circles", "moons", "spirals", "gaussians"] {
            #expect(try Dataset.resolve(name).classCounts == [100, 100], "\(name)")
        }
    }

    /// A point limit refuses bundled sets before they are generated and files once their rows are known.
    @Test func pointLimitIsChecked() throws {
        let limits = LoadLimits(maxPoints: 3)
        expectError("error: moons:4: 4 points is more than the 3 a figure draws; raise the point limit or use fewer") {
            try Dataset.resolve("moons:4", limits: limits)
        }
        #expect(try Dataset.resolve("moons:3", limits: limits).count == 3)
        let csv = try tempFile("four.csv", "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        expectError("error: \(csv): 4 points is more than the 3 a figure draws; raise the point limit or use fewer") {
            try Dataset.resolve(csv, limits: limits)
        }
        #expect(try Dataset.resolve(csv).count == 4)
    }
}
