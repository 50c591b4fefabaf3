import Foundation
import Testing
import NNVizTestSupport

/// `nnviz neuron`, `activations` and `compare` end to end: figures written, and refusals by their exact line.
@Suite struct TeachingCommandTests {
    @Test(arguments: [
        ["neuron", "neuron", "--sample", "0.5,0.9,0.1"],
        ["neuron", "xor", "--sample", "1,0", "--layer", "hidden", "--neuron", "AND"],
        ["activations", "--derivatives", "--mark", "-1,0.5"],
        ["activations", "--from", "tiny-net", "--sample", "0.6,0.1,0.9,0.4", "--shared"],
        ["compare", "xor", "xor-no-activation", "--data", "xor"],
        ["compare", "xor", "xor-no-activation", "--data", "xor", "--neurons", "--width", "1280", "--height", "720"],
        ["compare", "spirals-wide", "spirals-deep", "--data", "spirals", "--resolution", "60"],
    ])
    func writesAFigure(_ args: [String]) throws {
        let (a, b) = try FigureCommandTests.renderTwice(args, file: "f.png")
        #expect(a == b)
        let size = try #require(FigureCommandTests.pngSize(a))
        #expect(size.0 > 300 && size.1 > 200)
    }

    @Test(arguments: [
        (["neuron", "neuron", "-o", "f.png"], "error: neuron: needs samples: --sample v,v,… (repeatable), --batch FILE or --random N [--seed S]"),
        (["neuron", "neuron", "--sample", "1,2,3", "--layer", "2", "-o", "f.png"], "error: neuron: layer: is 2 but neuron has 1 layer after its inputs (count from 1)"),
        (["neuron", "xor", "--sample", "1,0", "--neuron", "AN", "-o", "f.png"], "error: xor: neuron: xor has no neuron 'AN'; did you mean 'AND'? e.g. OR, AND, xor"),
        (["neuron", "xor", "--sample", "1,0", "--precision", "13", "-o", "f.png"], "error: nnviz: --precision must be between 0 and 12, got 13 (see nnviz help)"),
        (["activations", "--functions", "relu,softmax", "-o", "f.png"], "error: --functions: name 2: softmax depends on the whole layer, not one z, so it has no curve; leave it out"),
        (["activations", "--functions", "sigmod", "-o", "f.png"], "error: --functions: name 1: unknown activation 'sigmod'; did you mean 'sigmoid'? valid: linear, step, sigmoid, tanh, relu, leaky_relu, softmax"),
        (["activations", "--range", "5:-5", "-o", "f.png"], "error: --range: '5:-5' is empty; the start must be below the end"),
        (["activations", "--from", "xor", "-o", "f.png"], "error: nnviz: --from needs --sample v,… (the sample whose z values to mark) (see nnviz help)"),
        (["compare", "xor", "-o", "f.png"], "error: nnviz: compare needs at least two networks, got 1 (see nnviz help)"),
        (["compare", "xor", "iris", "--data", "xor", "-o", "f.png"], "error: xor: points have 2 values but iris takes 4 inputs"),
        (["compare", "xor", "xor-sigmoid", "--neurons", "--width", "300", "--height", "200", "-o", "f.png"],
         "error: compare: 300 × 200 is too small for this figure; it needs at least 466 × 311 (or drop --neurons)"),
    ] as [([String], String)])
    func refusesWithOneLine(_ args: [String], _ line: String) throws {
        let dir = try FigureCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try NNVizBinary.run(args, cwd: dir)
        #expect(r.status != 0)
        #expect(r.stderr == line + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
