import Foundation
import Testing
import NNVizTestSupport

/// `nnviz md` end to end: the author's text byte for byte, the cache, staging on failure, line numbers, ownership
/// of the output folder, and `--watch` rebuilding after an edit.
@Suite struct MarkdownCommandTests {
    static let lesson = """
        # XOR

        Text with *emphasis*, a table | a | b | and trailing spaces.   
        ```nnviz
        diagram xor --sample 1,0
        ```

        ```python
        print("untouched")
        ```

        ```nnviz
        neuron neuron --sample 0.5,0.9,0.1 -o neuron.png
        ```
        A spec written in the block:

        ```nnviz
        diagram - --sample 1,0
        name: tiny
        layers:
          - activation: relu
            weights: [[1], [2]]
            bias: [0]
        ```
        the end, no final newline
        """

    static func folder(_ lesson: String = lesson) throws -> URL {
        let dir = try FigureCommandTests.scratch()
        try Data(lesson.utf8).write(to: dir.appendingPathComponent("lesson.md"))
        return dir
    }

    /// Every file under `dir` (relative path → bytes), hidden ones included.
    static func snapshot(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = dir.appendingPathComponent(p)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[p] = (try? Data(contentsOf: url)) ?? Data()
            } else {
                out[p + "/"] = Data()
            }
        }
        return out
    }

    @Test func blocksBecomeImagesAndTheRestIsUnchanged() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == "out/lesson.md: 3 figures (3 rendered, 0 cached)\n")
        let out = try String(contentsOf: dir.appendingPathComponent("out/lesson.md"), encoding: .utf8)
        let lines = out.components(separatedBy: "\n")
        // The author's lines, exactly (the \r included), around the replaced blocks.
        #expect(lines[0] == "# XOR" && lines[2] == "Text with *emphasis*, a table | a | b | and trailing spaces.   ")
        #expect(out.contains("```python\nprint(\"untouched\")\n```\n"))
        #expect(out.hasSuffix("\nthe end, no final newline"))
        #expect(lines[3].hasPrefix("![Diagram of the network xor with 2 inputs") && lines[3].hasSuffix(".svg)"))
        #expect(lines[4] == "" && lines[5].hasPrefix("*Layer diagram of xor (2 → 2 → 1, 9 parameters).") && lines[5].hasSuffix("*"))
        #expect(out.contains("](neuron.png)\n\n*Neuron y of neuron (layer neuron, sigmoid) for one sample: each input times its weight, summed to 0.09; with the bias 0.1, z = 0.19 and the output σ(0.19) = 0.547.*\n\nA spec written in the block:"))
        #expect(out.contains("![Diagram of the network tiny with 2 inputs"))
        // The image names are content hashes, stable across builds; the files exist.
        let names = lines.compactMap { l -> String? in
            guard l.hasPrefix("!["), let open = l.lastIndex(of: "(") else { return nil }
            return String(l[l.index(after: open)..<l.index(before: l.endIndex)])
        }
        #expect(names.count == 3 && names[1] == "neuron.png")
        for n in names { #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/" + n).path)) }
        #expect(names[0].hasPrefix("nnviz-") && names[0].count == "nnviz-".count + 16 + 4)
    }

    @Test func unchangedBlocksComeFromTheCacheAndNothingIsRewritten() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir).status == 0)
        let out = dir.appendingPathComponent("out")
        func stamps() throws -> [String: [Int]] {
            var s: [String: [Int]] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                var st = stat()
                _ = stat(out.appendingPathComponent(name).path, &st)
                s[name] = [Int(st.st_ino), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)]
            }
            return s
        }
        let before = try stamps(), bytes = Self.snapshot(out)
        let again = try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir)
        #expect(again.stdout == "out/lesson.md: 3 figures (0 rendered, 3 cached)\n")
        #expect(try stamps() == before, "no file replaced: same inodes and modification times")
        #expect(Self.snapshot(out) == bytes)
        // One changed block renders once; the others stay cached.
        let edited = Self.lesson.replacingOccurrences(of: "diagram xor --sample 1,0", with: "diagram xor --sample 0,1")
        try Data(edited.utf8).write(to: dir.appendingPathComponent("lesson.md"))
        #expect(try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir).stdout == "out/lesson.md: 3 figures (1 rendered, 2 cached)\n")
    }

    @Test func aBadBlockLeavesTheFolderAsItWas() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir).status == 0)
        let before = Self.snapshot(dir)
        let broken = Self.lesson.replacingOccurrences(of: "diagram - --sample 1,0", with: "diagram - --sample 1,0,5")
            .replacingOccurrences(of: "diagram xor --sample 1,0", with: "diagram xor --sample 0,1")
        try Data(broken.utf8).write(to: dir.appendingPathComponent("lesson.md"))
        let r = try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir)
        #expect(r.status == 1)
        // (The sample's number is left out: samples are being renumbered from 0 in messages.)
        #expect(r.stderr.hasPrefix("error: lesson.md: line 18: --sample: sample ") && r.stderr.hasSuffix(": has 3 values but tiny takes 2 inputs (x1, x2)\n"), "\(r.stderr)")
        var after = Self.snapshot(dir)
        after["lesson.md"] = before["lesson.md"]
        #expect(after == before, "the output folder, its cache and manifest are exactly as they were")
        // A folder the failed build would have created is not left behind.
        let fresh = try NNVizBinary.run(["md", "lesson.md", "-o", "new"], cwd: dir)
        #expect(fresh.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path))
    }

    @Test(arguments: [
        ("```nnviz\ntrain xor --data xor\n```\n", "error: lesson.md: line 2: 'train' draws no figure; an nnviz block runs diagram, heatmap, regions, neuron, activations or compare"),
        ("x\n\n```nnviz\ndiagram nosuch\n```\n", "error: lesson.md: line 4: nosuch: unknown example or missing file; examples: neuron, xor, xor-sigmoid, xor-no-activation, tiny-net, homework, iris, mlp-784, xor-train, xor-linear, moons-train, blobs-train, spirals-wide, spirals-deep"),
        ("```nnviz\ndiagram 'xor\n```\n", "error: lesson.md: line 2: a single quote is not closed"),
        ("```nnviz\ndiagram xor -o ../x.svg\n```\n", "error: lesson.md: line 2: -o '../x.svg' must be a plain file name ending in .svg or .png; it is written into the output folder"),
        ("```nnviz\ndiagram xor\nname: n\n```\n", "error: lesson.md: line 2: the lines below the command are a spec, but the command reads none; write - where the network goes, e.g. diagram - --sample 1,0"),
        ("\n\n```nnviz\ndiagram xor\n", "error: lesson.md: line 3: the nnviz block opened here is never closed"),
        ("```nnviz\ndiagram xor --colour red\n```\n", "error: lesson.md: line 2: Unknown option '--colour'"),
        ("```nnviz\ndiagram xor -o a.svg\n```\n```nnviz\nheatmap xor --weights -o a.svg\n```\n", "error: lesson.md: line 5: -o a.svg is already used by lesson.md line 2"),
    ] as [(String, String)])
    func badBlocksNameTheirLine(_ lesson: String, _ line: String) throws {
        let dir = try Self.folder(lesson)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr == line + "\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func neverReplacesFilesNnvizDidNotWrite() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Writing into the lesson's own folder would replace the lesson itself.
        let r = try NNVizBinary.run(["md", "lesson.md", "-o", "."], cwd: dir)
        #expect(r.stderr == "error: .: holds files nnviz did not write (lesson.md); choose another -o\n")
        // Other files in the output folder are kept.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: dir.appendingPathComponent("out/notes.txt"))
        #expect(try NNVizBinary.run(["md", "lesson.md", "-o", "out"], cwd: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("out/notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func watchRebuildsAfterAnEdit() throws {
        let dir = try Self.folder("```nnviz\nactivations --functions relu -o act.svg\n```\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("watch.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let p = Process()
        p.executableURL = NNVizBinary.url
        p.arguments = ["md", "lesson.md", "-o", "out", "--watch"]
        p.currentDirectoryURL = dir
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        defer { if p.isRunning { kill(p.processIdentifier, SIGTERM) }; p.waitUntilExit(); try? handle.close() }
        func lines(atLeast n: Int) -> [String] {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                let l = text.split(separator: "\n").map(String.init)
                if l.count >= n { return l }
                usleep(50_000)
            }
            return []
        }
        #expect(lines(atLeast: 1) == ["out/lesson.md: 1 figure (1 rendered, 0 cached)"])
        usleep(300_000)
        try Data("Intro.\n\n```nnviz\nactivations --functions relu,tanh -o act.svg\n```\n".utf8).write(to: dir.appendingPathComponent("lesson.md"))
        #expect(lines(atLeast: 2).last == "out/lesson.md: 1 figure (1 rendered, 0 cached)")
        let out = try String(contentsOf: dir.appendingPathComponent("out/lesson.md"), encoding: .utf8)
        #expect(out.hasPrefix("Intro.\n\n![Small multiples of ReLU(z) = max(0, z) and tanh(z)"))
    }
}
