import Foundation
import Testing
import NNVizEngine
@testable import NNVizReport

@Suite struct ReportTests {
    let report = Report(templates: try! ReportTemplates.defaults())

    /// Relative links (`src="…"`, `href="…"`) in HTML and image/link targets in Markdown.
    func references(html: String) -> [String] {
        matches(##"(?:src|href)="([^"#:]+)""##, in: html)
    }

    func references(markdown: String) -> [String] {
        matches(#"\]\(([^)\s:]+)\)"#, in: markdown)
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The report.json layers decoded with Swift's own correctly rounded number parsing.
    struct JSONReport: Decodable {
        struct Layer: Decodable { let pre: [[Double]]; let post: [[Double]] }
        let parameters: Int
        let layers: [Layer]
    }

    func number(_ s: String) -> Double? { Double(s.replacingOccurrences(of: "\u{2212}", with: "-")) }

    /// xor with its truth table, tiny-net with the lesson's sample plus random ones, iris with a random batch:
    /// every referenced file exists, report.json holds the engine's trace exactly, the Markdown tables hold it
    /// rounded, the parameter totals are the hand-counted ones, and each figure has a caption and alt text.
    @Test(arguments: [("xor", 9), ("tiny-net", 31), ("iris", 139)])
    func renderedReportIsComplete(_ name: String, _ parameters: Int) throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let net = try NetworkResolver.resolve(name)
        var input = ReportInput(network: net, source: name)
        switch name {
        case "xor":
            input.dataset = try Dataset.resolve("xor")
            input.batch = input.dataset?.points
            input.batchSource = "--data xor"
        case "tiny-net":
            let lesson = try SampleLoader.parse(samples: ["0.6,0.1,0.9,0.4"], for: net)
            let random = try SampleLoader.random(count: 4, seed: 1, for: net)
            input.batch = try Matrix(rows: 5, cols: 4, data: lesson.data + random.data)
            input.batchSource = "--batch"
        default:
            input.batch = try SampleLoader.random(count: 24, seed: 5, for: net)
            input.batchSource = "--random 24 --seed 5"
        }
        let page = try report.write(input, to: tmp.path + "/out/" + name)
        let trace = try net.forward(try #require(input.batch))

        // Files: exactly the pages, every figure in PNG and SVG and the manifest of them; nothing else, no staging
        // folder left.
        let ids = input.figureIDs
        #expect(ids == (net.inputCount == 2 ? ["diagram", "activations", "weights", "regions", "neuron", "activation-functions"]
                                            : ["diagram", "activations", "weights", "neuron", "activation-functions"]))
        let expectedFiles = (ids.flatMap { [$0 + ".png", $0 + ".svg"] } + ["index.html", "report.md", "report.json"]).sorted()
        #expect(tmp.list("out/" + name) == [".nnviz-report"] + expectedFiles)
        #expect(try tmp.text("out/\(name)/.nnviz-report") == (["nnviz report"] + expectedFiles).joined(separator: "\n") + "\n")
        #expect(tmp.list("out") == [name])

        let html = try tmp.text("out/\(name)/index.html")
        let md = try tmp.text("out/\(name)/report.md")
        for ref in references(html: html) + references(markdown: md) {
            #expect(FileManager.default.fileExists(atPath: tmp.path + "/out/\(name)/" + ref), "\(name): missing \(ref)")
        }
        #expect(Set(references(html: html)).isSuperset(of: ids.map { $0 + ".png" }))
        #expect(Set(references(markdown: md)).isSuperset(of: ids.map { $0 + ".png" }))
        for id in ids {
            let png = try Data(contentsOf: tmp.url.appendingPathComponent("out/\(name)/\(id).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(id).png is a PNG")
            let svg = try tmp.text("out/\(name)/\(id).svg")
            #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"), "\(id).svg is SVG")
        }

        // Captions and alt text: one numbered figure per id, alt text in words.
        #expect(page.figures.map(\.id) == ids)
        for f in page.figures {
            #expect(html.contains("<span class=\"label\">Figure \(f.number).</span>"))
            #expect(md.contains("*Figure \(f.number).*"))
            #expect(f.alt.count > 40 && f.caption.count > 40)
            #expect(html.contains("alt=\"\(escapeHTML(f.alt))\""))
        }

        // report.json: the trace at full precision, bit for bit; the parameter total counted by hand.
        let json = try JSONDecoder().decode(JSONReport.self, from: Data(contentsOf: tmp.url.appendingPathComponent("out/\(name)/report.json")))
        #expect(json.parameters == parameters)
        #expect(net.parameterCount == parameters)
        #expect(page.summary.total == String(parameters))
        #expect(json.layers.count == net.layers.count)
        for (k, layer) in json.layers.enumerated() {
            #expect(layer.post.flatMap { $0 }.map(\.bitPattern) == trace.post[k].data.map(\.bitPattern), "\(name) layer \(k) post")
            #expect(layer.pre.flatMap { $0 }.map(\.bitPattern) == trace.pre[k].data.map(\.bitPattern), "\(name) layer \(k) pre")
        }

        // The Markdown tables: each sample's row holds the forward pass rounded to at most 3 decimals.
        let values = [trace.input] + trace.post
        let batch = try #require(page.batch)
        var rowsSeen = 0
        for part in batch.parts {
            let groups = part.groups.map { g in values.indices.first { $0 == 0 ? g.name == "input" : net.layers[$0 - 1].name == g.name }! }
            for row in part.rows {
                let r = try #require(Int(row.sample))
                let expected = groups.flatMap { Array(values[$0].row(r)) }
                let line = "| \(row.sample) |" + row.cells.map { " \($0.value) |" }.joined() + (part.hasClass ? " \(row.predicted) |" : "")
                #expect(md.contains(line + "\n"), "\(name): row \(r) in report.md")
                for (cell, v) in zip(row.cells, expected) {
                    #expect(abs((number(cell.value) ?? .nan) - v) <= 0.0005 + 1e-12)
                }
                rowsSeen += 1
            }
        }
        #expect(rowsSeen == batch.parts.count * min(trace.batchSize, BatchTable.maxRows))
    }

    /// A spec full of markup: every string shows as text in HTML and Markdown, and the folder name is tame.
    /// A batch taller than the canvas limit at the report's scale (40,000 rows at 2 px each) is drawn with rows
    /// sharing pixels, as the README promises, instead of being refused.
    @Test func tallBatchesAreBlockAveraged() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let net = try NetworkResolver.resolve("xor")
        let n = 40_000
        let batch = try Matrix(rows: n, cols: 2, data: (0..<(2 * n)).map { Double($0 % 7) / 7 })
        try Report(templates: ReportTemplates.defaults())
            .write(ReportInput(network: net, source: "xor", batch: batch, batchSource: "--random"), to: tmp.path + "/xor")
        let png = try Data(contentsOf: URL(fileURLWithPath: tmp.path + "/xor/activations.png"))
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(height > 1000 && height <= 20_000)
    }

    @Test func hostileNamesAreEscaped() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let spec = #"""
            {"name": "<script>alert('x')</script> & \"q\" *md* | [l](u)",
             "inputs": ["<b>x1</b>", "x_2*"], "outputs": ["y&<i>"],
             "layers": [{"name": "<script>", "activation": "sigmoid", "weights": [[1, -1], [2, 0.5]], "bias": [0, 0.1],
                         "neurons": ["`h1`", "h|2"]},
                        {"name": "# out", "activation": "sigmoid", "weights": [[1], [-1]], "bias": [0]}]}
            """#
        try tmp.write(spec, to: "hostile.json")
        let net = try NetworkResolver.resolve(tmp.path + "/hostile.json")
        let folder = ReportName.sanitize(net.name)
        #expect(folder == "script-alert-x-script-q-md-l-u")
        let input = ReportInput(network: net, source: "hostile.json", batch: try Matrix([[0, 1], [1, 0]]), batchSource: "--sample",
                                dataset: try Dataset.resolve("xor"))
        try report.write(input, to: tmp.path + "/out/" + folder)
        let html = try tmp.text("out/\(folder)/index.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; *md* | [l](u)</h1>"))
        #expect(html.contains("<td>&lt;script&gt;</td>"))
        #expect(html.contains("&lt;b&gt;x1&lt;/b&gt;"))
        let md = try tmp.text("out/\(folder)/report.md")
        #expect(md.hasPrefix(#"# \<script>alert('x')\</script> \& "q" \*md\* \| \[l\](u)"# + "\n"))
        // No `<` that Markdown could take for raw HTML: every one is backslash-escaped.
        let raw = try NSRegularExpression(pattern: #"(?<!\\)<"#)
        #expect(raw.numberOfMatches(in: md, range: NSRange(md.startIndex..., in: md)) == 0)
        #expect(md.contains(#"\<b>x1\</b>"#))
        #expect(md.contains(#"| \<script> |"#))
        #expect(md.contains(#"\`h1\`, h\|2"#))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.url.appendingPathComponent("out/\(folder)/report.json"))) as? [String: Any]
        #expect(json?["network"] as? String == net.name)
        #expect(tmp.list() == ["hostile.json", "out"])
    }

    /// `--templates`: an author's report template replaces the page; the other files still come from the defaults.
    @Test func authorTemplatesAreHonoured() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        try tmp.write("<h1>{{name}}</h1>{{#figures}}<img src=\"{{png}}\" alt=\"{{alt}}\">{{/figures}}<p>{{summary.total}}</p>\n",
                      to: "tpl/report.html.mustache")
        try tmp.write("p { color: teal }", to: "tpl/report.css")
        let custom = Report(templates: try ReportTemplates.load(directory: tmp.path + "/tpl"))
        let net = try NetworkResolver.resolve("tiny-net")
        let page = try custom.write(ReportInput(network: net, source: "tiny-net"), to: tmp.path + "/r")
        let imgs = page.figures.map { "<img src=\"\($0.png)\" alt=\"\(HTMLEscaping.escape($0.alt))\">" }.joined()
        #expect(try tmp.text("r/index.html") == "<h1>tiny-net</h1>\(imgs)<p>31</p>\n")
        #expect(try tmp.text("r/report.md").hasPrefix("# tiny-net\n"))
        #expect(page.figures.map(\.id) == ["diagram", "weights", "activation-functions"])
    }

    /// A report that fails part-way (here cancelled after its first figure) leaves the previous one byte for byte
    /// and no staging folder behind.
    @Test func failedReportLeavesThePreviousOne() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let xor = try NetworkResolver.resolve("xor")
        try report.write(ReportInput(network: xor, source: "xor"), to: tmp.path + "/xor")
        let before = tmp.snapshot()
        #expect(before.keys.contains("xor/index.html") && before.count == 12)
        var calls = 0
        let busy = ReportInput(network: xor, source: "xor", batch: try Matrix([[1, 0]]), batchSource: "--sample")
        #expect(throws: NNVizError("xor", "", "cancelled")) {
            try report.write(busy, to: tmp.path + "/xor") { () throws(NNVizError) in
                calls += 1
                if calls == 2 { throw NNVizError("xor", "", "cancelled") }
            }
        }
        #expect(calls == 2)
        #expect(tmp.snapshot() == before)
        #expect(tmp.list() == ["xor"])
    }

    /// Same input, same bytes: two renders of the same report agree file for file.
    @Test func reportsAreDeterministic() throws {
        let tmp = try TempFolder()
        defer { tmp.cleanup() }
        let net = try NetworkResolver.resolve("xor")
        let input = ReportInput(network: net, source: "xor", batch: try Matrix([[0, 1], [1, 1]]), batchSource: "--sample",
                                dataset: try Dataset.resolve("xor:40", seed: 2))
        try report.write(input, to: tmp.path + "/a/xor")
        try report.write(input, to: tmp.path + "/b/xor")
        let a = tmp.snapshot().filter { $0.key.hasPrefix("a/") }, b = tmp.snapshot().filter { $0.key.hasPrefix("b/") }
        #expect(a.count == 16)
        for (key, data) in a { #expect(b["b/" + key.dropFirst(2)] == data, "\(key) differs between runs") }
    }
}
