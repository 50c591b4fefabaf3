import Foundation
import Testing
import NNVizTestSupport

/// The plots of tanh, sigmoid and softmax layers driven to pre-activations of ±1e4 (and a softmax tie) stay
/// finite: every figure renders, and no SVG coordinate or colour is `nan` or `inf`.
@Suite struct ExtremePlotTests {
    static let spec = """
        {"name": "extreme", "layers": [
         {"activation": "tanh", "weights": [[5000, -5000, 1e4], [5000, 5000, 0]], "bias": [0, 0, 0]},
         {"activation": "sigmoid", "weights": [[1e4, -1e4], [1e4, 1e4], [0, 0]], "bias": [0, -0.5]},
         {"activation": "softmax", "weights": [[1e4, -1e4, 0], [-1e4, 1e4, 0]], "bias": [0, 0, 0]}]}
        """

    @Test(arguments: [
        ["diagram", "extreme.json", "--sample", "1,1"],
        ["heatmap", "extreme.json", "--sample", "1,1", "--sample", "-1,1", "--sample", "0,0"],
        ["heatmap", "extreme.json", "--weights"],
        ["heatmap", "extreme.json", "--hinton"],
        ["regions", "extreme.json", "--neurons", "--resolution", "50"],
    ])
    func figuresStayFinite(_ args: [String]) throws {
        let s = try Scratch("extreme")
        defer { s.remove() }
        try Self.spec.write(to: s.url.appendingPathComponent("extreme.json"), atomically: true, encoding: .utf8)
        for file in ["f.svg", "f.png"] {
            let r = try NNVizBinary.run(args + ["-o", file], cwd: s.url, timeout: 30)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(args) → \(file): \(r.stderr)")
        }
        // Embedded PNG data is base64 and may spell anything; look only at the SVG's own numbers and words.
        var svg = String(decoding: try Data(contentsOf: s.url.appendingPathComponent("f.svg")), as: UTF8.self)
        svg = svg.replacingOccurrences(of: #"base64,[A-Za-z0-9+/=]+"#, with: "base64,", options: .regularExpression)
        #expect(svg.range(of: #"(?i)\b-?(nan|inf|infinity)\b"#, options: .regularExpression) == nil, "\(args): non-finite value in the SVG")
    }
}
