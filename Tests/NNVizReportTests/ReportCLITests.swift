import Foundation
import Testing
import NNVizEngine
import NNVizTestSupport

/// The built binary: `nnviz report` and `nnviz datasets` end to end.
@Suite struct ReportCLITests {
    @Test func threeNetworksThreeFoldersAndAnIndex() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let r = try NNVizBinary.run(["report", "xor", "iris", "tiny-net", "--random", "6", "-o", tmp.path + "/out"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == ["xor", "iris", "tiny-net"].map { "wrote \(tmp.path)/out/\($0)/index.html\n" }.joined()
                + "wrote \(tmp.path)/out/index.html\n")
        #expect(tmp.list("out") == [".nnviz-index", "index.html", "iris", "tiny-net", "xor"])
        let index = try tmp.text("out/index.html")
        for name in ["xor", "iris", "tiny-net"] {
            #expect(index.contains("<a href=\"\(name)/index.html\">"))
            #expect(index.contains("<img src=\"\(name)/diagram.png\""))
            #expect(tmp.list("out/" + name).contains("report.json"))
        }
    }

    /// The demo's command: xor with its four corners as data and batch, in the default `output/` folder.
    @Test func demoCommandInAFreshFolder() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let r = try NNVizBinary.run(["report", "xor", "--data", "xor", "--formats", "png,svg,pdf"], cwd: tmp.url)
        #expect(r == .init(stdout: "wrote output/xor/index.html\n", stderr: "", status: 0))
        let files = tmp.list("output/xor")
        for id in ["diagram", "activations", "weights", "regions"] {
            #expect(files.contains(id + ".png") && files.contains(id + ".svg") && files.contains(id + ".pdf"))
        }
        let md = try tmp.text("output/xor/report.md")
        #expect(md.contains("the 4 xor points") && !md.contains("--data"))
        #expect(md.contains("xor > 0.5 in the two off-diagonal corners"))
        #expect(md.contains("All 4 points of dataset xor are classified correctly."))
    }

    /// A spec named `../../etc` lands in a folder called `etc` inside -o; nothing is written anywhere else.
    @Test func specNamesCannotEscape() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        try tmp.write(#"{"name": "../../etc", "sizes": [2, 1], "activations": ["sigmoid"], "init": {"seed": 1, "scale": 1, "bias": "zeros"}}"#,
                      to: "work/evil.json")
        let r = try NNVizBinary.run(["report", "evil.json", "-o", "out", "--quiet"], cwd: tmp.url.appendingPathComponent("work"))
        #expect(r == .init(stdout: "", stderr: "", status: 0))
        #expect(tmp.list() == ["work"])
        #expect(tmp.list("work") == ["evil.json", "out"])
        #expect(tmp.list("work/out") == ["etc"])
        #expect(tmp.list("work/out/etc").contains("index.html"))
    }

    @Test func inputErrorsAreOneLineAndWriteNothing() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let cases: [([String], String)] = [
            (["report", "xor", "--data", "blob"], "error: blob: unknown dataset or missing file; datasets: xor, circles, moons, spirals, gaussians, blobs, iris\n"),
            (["report", "iris", "--data", "moons"], "error: --data: moons has 2 features but iris takes 4 inputs (sepal_length, sepal_width, petal_length, petal_width)\n"),
            (["report", "xor", "--templates", "nowhere"], "error: nowhere: no such folder (--templates)\n"),
            (["report", "xor", "--sample", "1,2,3"], "error: --sample: sample 0: has 3 values but xor takes 2 inputs (x1, x2)\n"),
            (["report", "xor", "nope"], "error: nope: unknown example or missing file; examples: neuron, xor, xor-sigmoid, xor-no-activation, tiny-net, homework, iris, mlp-784, xor-train, xor-linear, moons-train, blobs-train, spirals-wide, spirals-deep\n"),
        ]
        for (args, message) in cases {
            let r = try NNVizBinary.run(args, cwd: tmp.url)
            #expect(r.status == 1 && r.stdout.isEmpty, "\(args)")
            #expect(r.stderr == message)
        }
        let bad = try NNVizBinary.run(["report", "xor", "--formats", "png,gif"], cwd: tmp.url)
        #expect(bad.status == 64 && bad.stderr.hasPrefix("error: nnviz: --formats: unknown format 'gif'; use png, svg, pdf"))
        #expect(tmp.list().isEmpty)
    }

    @Test func datasetsListAndWrite() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let list = try NNVizBinary.run(["datasets"])
        #expect(list.status == 0)
        let names = list.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: " ").first ?? "") }
        #expect(names == BundledDataset.all.map(\.name))
        let w = try NNVizBinary.run(["datasets", "moons:50", "--seed", "7", "-o", tmp.path + "/m.csv"])
        #expect(w == .init(stdout: "", stderr: "", status: 0))
        let expected = try #require(BundledDataset.named("moons")?.generate(count: 50, seed: 7))
        #expect(try tmp.text("m.csv") == expected.csv)
        #expect(try Dataset.resolve(tmp.path + "/m.csv").points == expected.points)
        let j = try NNVizBinary.run(["datasets", "xor", "-o", tmp.path + "/x.json"])
        #expect(j.status == 0)
        #expect(try Dataset.resolve(tmp.path + "/x.json").labels == [0, 1, 1, 0])
        let stdout = try NNVizBinary.run(["datasets", "xor"])
        #expect(stdout.stdout == "x1,x2,label\n0.0,0.0,0\n0.0,1.0,1\n1.0,0.0,1\n1.0,1.0,0\n")
        let unknown = try NNVizBinary.run(["datasets", "blob"])
        #expect(unknown == .init(stdout: "", stderr: "error: blob: unknown dataset; datasets: xor, circles, moons, spirals, gaussians, blobs, iris\n", status: 1))
    }
}
