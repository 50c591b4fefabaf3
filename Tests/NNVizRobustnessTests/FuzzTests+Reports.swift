import Foundation
import Testing
import NNVizEngine
@testable import NNVizReport

/// The fuzzer on what reports read: labelled datasets (CSV and JSON) and the author templates (HTML, Markdown),
/// each mutated from a valid seed; every variant loads (templates also render) or throws a one-line `NNVizError`.
extension FuzzTests {
    @Test(.timeLimit(.minutes(Self.scale))) func mutatedDatasetsLoadOrFailCleanly() throws {
        var m = Mutator(seed: 0xDA7A_5E7)
        var tally = Tally()
        let moons = try Dataset.resolve("moons:12", seed: 3)
        let seeds: [(String, String, (String) throws(NNVizError) -> Dataset)] = [
            (moons.csv, "moons.csv", { t throws(NNVizError) in try Dataset.csv(t, source: "moons.csv", limits: Self.limits) }),
            (moons.json, "moons.json", { t throws(NNVizError) in try Dataset.json(t, source: "moons.json", limits: Self.limits) }),
        ]
        for (text, source, load) in seeds {
            #expect(throws: Never.self) { try load(text) }
            for i in 0..<(500 * Self.scale) {
                let variant = m.mutate(text: text)
                attempt("\(source) variant \(i)", source: source, &tally) { () throws(NNVizError) in
                    let d = try load(variant)
                    #expect(d.labels.count == d.points.rows && d.points.data.allSatisfy(\.isFinite), "\(source) variant \(i)")
                }
            }
        }
        print("fuzz datasets: \(tally)")
        #expect(tally.total == 1000 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    @Test(.timeLimit(.minutes(Self.scale))) func mutatedTemplatesParseAndRenderOrFailCleanly() throws {
        var m = Mutator(seed: 0x7E3B_1A7E)
        var tally = Tally()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-fuzz-tpl-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let net = try NetworkResolver.resolve("xor")
        let page = try Report(templates: ReportTemplates.defaults())
            .write(ReportInput(network: net, source: "xor", batch: Matrix([[0, 1], [1, 1]]), batchSource: "--sample"),
                   to: folder.path + "/xor")
        let seeds = [(DefaultTemplates.reportHTML, "report.html.mustache"), (DefaultTemplates.reportMarkdown, "report.md.mustache")]
        for (text, source) in seeds {
            for i in 0..<(300 * Self.scale) {
                let variant = m.mutate(text: text)
                attempt("\(source) variant \(i)", source: source, &tally) { () throws(NNVizError) in
                    let t = try source.hasSuffix(".md.mustache")
                        ? ReportTemplates(html: (DefaultTemplates.reportHTML, "h"), markdown: (variant, source),
                                          index: (DefaultTemplates.indexHTML, "i"), css: "")
                        : ReportTemplates(html: (variant, source), markdown: (DefaultTemplates.reportMarkdown, "m"),
                                          index: (DefaultTemplates.indexHTML, "i"), css: "")
                    _ = try t.html(page) + t.markdown(page)
                }
            }
        }
        print("fuzz templates: \(tally)")
        #expect(tally.total == 600 * Self.scale)
        #expect(tally.loaded > 0 && tally.rejected > 0)
    }

    /// One variant: counted as loaded when `body` returns, else its error must be typed, one line and name `source`.
    func attempt(_ what: String, source: String, _ tally: inout Tally, _ body: () throws(NNVizError) -> Void) {
        do {
            try body()
            tally.loaded += 1
        } catch {
            expectTyped(error, source: source, what)
            tally.rejected += 1
        }
    }
}
