import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NNVizTestSupport

/// End-to-end tests of `nnviz diagram`, `heatmap` and `regions`: files in every format, identical bytes on
/// a second run, and the exact one-line errors.
@Suite struct FigureCommandTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Width and height from a PNG's IHDR chunk, after checking the signature.
    static func pngSize(_ d: Data) -> (Int, Int)? {
        let b = [UInt8](d)
        guard b.count > 24, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], b[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func be(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        return (be(16), be(20))
    }

    /// Runs a figure command into `file` inside a fresh folder twice; returns both outputs' bytes.
    static func renderTwice(_ args: [String], file: String) throws -> (Data, Data) {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outs: [Data] = []
        for _ in 0..<2 {
            let r = try NNVizBinary.run(args + ["-o", file], cwd: dir)
            #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.isEmpty, "\(args): \(r.stderr)")
            outs.append(try Data(contentsOf: dir.appendingPathComponent(file)))
            try FileManager.default.removeItem(at: dir.appendingPathComponent(file))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no temporary files left behind")
        return (outs[0], outs[1])
    }

    static let commands: [[String]] = [
        ["diagram", "tiny-net", "--sample", "0.6,0.1,0.9,0.4"],
        ["heatmap", "iris", "--random", "32"],
        ["regions", "xor", "--data", "xor", "--neurons", "--resolution", "120"],
    ]

    @Test(arguments: commands)
    func pngDecodesAndRepeatsByteForByte(_ args: [String]) throws {
        let (a, b) = try Self.renderTwice(args, file: "f.png")
        #expect(a == b)
        let size = try #require(Self.pngSize(a))
        #expect(size.0 > 300 && size.1 > 200)
    }

    @Test(arguments: commands)
    func svgIsWellFormedAndRepeats(_ args: [String]) throws {
        let (a, b) = try Self.renderTwice(args, file: "f.svg")
        #expect(a == b)
        let parser = XMLParser(data: a)
        #expect(parser.parse(), "SVG parses as XML")
    }

    @Test(arguments: commands)
    func pdfOpensWithPdftoppmAndRepeats(_ args: [String]) throws {
        let (a, b) = try Self.renderTwice(args, file: "f.pdf")
        #expect(a == b)
        #expect(a.starts(with: Data("%PDF-".utf8)))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm") else { return }
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try a.write(to: dir.appendingPathComponent("f.pdf"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        p.arguments = ["-png", "-r", "20", dir.appendingPathComponent("f.pdf").path, dir.appendingPathComponent("page").path]
        p.standardError = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func scaleDoublesPixelsAndSizeOptionsAreHonoured() throws {
        let (one, _) = try Self.renderTwice(["diagram", "xor", "--width", "640", "--height", "400"], file: "d.png")
        let (two, _) = try Self.renderTwice(["diagram", "xor", "--width", "640", "--height", "400", "--scale", "2"], file: "d.png")
        #expect(Self.pngSize(one).map { [$0.0, $0.1] } == [640, 400])
        #expect(Self.pngSize(two).map { [$0.0, $0.1] } == [1280, 800])
    }

    @Test func dataFromCSVAndJSON() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x1,x2,class\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try #"{"x": [[0, 0], [0, 1], [1, 0], [1, 1]], "y": [0, 1, 1, 1]}"#.write(to: dir.appendingPathComponent("d.json"), atomically: true, encoding: .utf8)
        for f in ["d.csv", "d.json"] {
            let r = try NNVizBinary.run(["regions", "xor", "--data", f, "--resolution", "60", "-o", "r.png"], cwd: dir)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(f): \(r.stderr)")
        }
    }

    @Test(arguments: [
        (["diagram", "xor", "-o", "d.txt"], "error: d.txt: unknown file extension '.txt'; expected one of .png, .svg, .pdf\n", Int32(1)),
        (["diagram", "xor", "--sample", "1,0", "--index", "3", "-o", "d.png"], "error: --index: is 3 but --sample has 1 sample\n", 1),
        (["heatmap", "xor", "-o", "h.png"],
         "error: heatmap: needs samples: --sample v,v,… (repeatable), --batch FILE or --random N [--seed S]\n", 1),
        (["heatmap", "xor", "--weights", "--layers", "1,5", "-o", "h.png"],
         "error: --layers: item 2: layer 5 does not exist; xor has layers 0 (input) to 2\n", 1),
        (["regions", "tiny-net", "--axes", "2,2", "-o", "r.png"],
         "error: --axes: needs two different input numbers between 1 and 4, e.g. 1,2\n", 1),
        (["regions", "tiny-net", "--slice", "1,2,3", "-o", "r.png"],
         "error: --slice: has 3 values; give 2 (the inputs not on the axes) or 4\n", 1),
        (["regions", "xor", "--x-range", "2:1", "-o", "r.png"], "error: --x-range: '2:1' is empty; the start must be below the end\n", 1),
        (["regions", "xor", "--data", "missing.csv", "-o", "r.png"], "error: missing.csv: no such file\n", 1),
        (["regions", "tiny-net", "--data", "xor", "-o", "r.png"],
         "error: xor: points have 2 values but tiny-net takes 4 inputs\n", 1),
        (["regions", "tiny-net", "--data", "moons:0", "-o", "r.png"], "error: moons:0: '0' is not a sample count; write moons:200\n", 1),
        (["diagram", "xor", "--theme", "blue", "-o", "d.png"], "error: nnviz: The value 'blue' is invalid for '--theme <theme>'. Please provide one of 'light' and 'dark'. (see nnviz help)\n", 64),
    ])
    func errorsAreOneLine(_ args: [String], _ message: String, _ status: Int32) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(args, cwd: dir)
        #expect(r.stderr == message)
        #expect(r.status == status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no output file on failure")
    }

    @Test func badDataRowsNameTheirLine() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x1,x2,y\n0,0,0\n1,abc,1\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let r = try NNVizBinary.run(["regions", "xor", "--data", "bad.csv", "-o", "r.png"], cwd: dir)
        #expect(r.stderr == "error: bad.csv: row 3, column 2: 'abc' is not a number\n" && r.status == 1)
        try #"{"x": [[0, 0]], "y": [0.5]}"#.write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let j = try NNVizBinary.run(["regions", "xor", "--data", "bad.json", "-o", "r.png"], cwd: dir)
        #expect(j.stderr == "error: bad.json: y[0]: class 0.5 is not a whole number from 0 to 255 (or -1/1)\n" && j.status == 1)
        try #"{"x": [[0, true]], "y": [1]}"#.write(to: dir.appendingPathComponent("bool.json"), atomically: true, encoding: .utf8)
        let t = try NNVizBinary.run(["regions", "xor", "--data", "bool.json", "-o", "r.png"], cwd: dir)
        #expect(t.stderr == "error: bool.json: x[0][1]: expected a number, found 'true'\n" && t.status == 1)
    }
}
