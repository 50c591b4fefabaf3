import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NNVizTestSupport

/// Spec strings and titles full of markup cannot break or inject into an SVG: every figure, written by the binary,
/// parses as XML and carries none of the markup as markup.
@Suite struct HostileStringTests {
    static let spec = #"""
        {"name": "<script>alert('x')</script> & \"q\" ]]> <!--",
         "inputs": ["<b>x1</b>", "x_2]]>"], "outputs": ["y&<i>"],
         "layers": [{"name": "<script>", "activation": "sigmoid", "weights": [[1, -1], [2, 0.5]], "bias": [0, 0.1],
                     "neurons": ["</svg>", "h&amp;2"]},
                    {"name": "# out", "activation": "sigmoid", "weights": [[1], [-1]], "bias": [0]}]}
        """#

    @Test(arguments: [
        ["diagram", "hostile.json", "--sample", "0,1"],
        ["heatmap", "hostile.json", "--sample", "0,1", "--sample", "1,0"],
        ["heatmap", "hostile.json", "--weights"],
        ["regions", "hostile.json", "--neurons", "--resolution", "40"],
        ["diagram", "xor", "--title", "</svg><script>alert(1)</script>&"],
    ])
    func svgStaysWellFormed(_ args: [String]) throws {
        let s = try Scratch("hostile")
        defer { s.remove() }
        try Self.spec.write(to: s.url.appendingPathComponent("hostile.json"), atomically: true, encoding: .utf8)
        let r = try NNVizBinary.run(args + ["-o", "f.svg"], cwd: s.url, timeout: 30)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(args): \(r.stderr)")
        let svg = try Data(contentsOf: s.url.appendingPathComponent("f.svg"))
        #expect(XMLParser(data: svg).parse(), "\(args): the SVG is not well-formed XML")
        let text = String(decoding: svg, as: UTF8.self)
        for markup in ["<script", "<b>", "<i>", "<!--", "</svg><"] {
            #expect(!text.contains(markup), "\(args): \(markup) reached the SVG")
        }
        #expect(text.hasSuffix("</svg>\n") || text.hasSuffix("</svg>"))
    }
}
