import Foundation
import Testing
import NNVizTestSupport

/// A spec whose names hold terminal escape sequences (`ESC ] 0;title BEL` retitles a terminal, `ESC [2J` clears
/// it), NUL, VT, a C1 CSI and a bidi override: the terminal sees them escaped (`\u{1b}`) in `summary`, `forward`
/// and error lines; the report's pages drop them; its JSON escapes them (`\u001b`) and stays valid.
@Suite struct ControlCharacterTests {
    static let spec = #"""
        {"name": "net\u001b]0;pwned\u0007\u001b[2J\u0000\u000b\u009b\u202e!",
         "inputs": ["x\u001b[31m1", "x\t2"], "outputs": ["y\u0085"],
         "layers": [{"name": "hid\u001b[2Jden", "activation": "sigmoid", "weights": [[1, -1], [2, 0.5]], "bias": [0, 0.1],
                     "neurons": ["h\u00071", "h\u20662"]},
                    {"name": "out", "activation": "sigmoid", "weights": [[1], [-1]], "bias": [0]}]}
        """#
    /// The network's name as a terminal shows it.
    static let shownName = #"net\u{1b}]0;pwned\u{7}\u{1b}[2J\u{0}\u{b}\u{9b}\u{202e}!"#

    /// C0 controls other than the line structure's newline, DEL, C1, the separators and the bidi controls.
    static func unsafe(_ text: String, allowingNewlines: Bool = true) -> [String] {
        text.unicodeScalars.filter { u in
            if allowingNewlines && u == "\n" { return false }
            switch u.value {
            case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }.map { "U+" + String($0.value, radix: 16) }
    }

    func withSpec(_ body: (Scratch) throws -> Void) throws {
        let s = try Scratch("controls")
        defer { s.remove() }
        try Self.spec.write(to: s.url.appendingPathComponent("hostile.json"), atomically: true, encoding: .utf8)
        try body(s)
    }

    @Test func summaryEscapesNames() throws {
        try withSpec { s in
            let r = try NNVizBinary.run(["summary", "hostile.json"], cwd: s.url)
            #expect(r.status == 0 && r.stderr.isEmpty)
            #expect(Self.unsafe(r.stdout).isEmpty)
            #expect(r.stdout.hasPrefix(Self.shownName + ": 2→2→1\ninputs: x\\u{1b}[31m1, x\\t2\noutputs: y\\u{85}\n"))
            #expect(r.stdout.contains("\nhid\\u{1b}[2Jden  2 × 2  sigmoid"))
        }
    }

    @Test func forwardEscapesNames() throws {
        try withSpec { s in
            let r = try NNVizBinary.run(["forward", "hostile.json", "--sample", "0,1", "--pre"], cwd: s.url)
            #expect(r.status == 0 && r.stderr.isEmpty)
            #expect(Self.unsafe(r.stdout).isEmpty)
            #expect(r.stdout.hasPrefix("""
                \(Self.shownName): 1 sample from --sample

                input     x\\u{1b}[31m1    x\\t2
                sample 0        0.0000  1.0000

                hid\\u{1b}[2Jden z  h\\u{7}1  h\\u{2066}2
                sample 0            2.0000      0.6000

                """))
        }
    }

    @Test(arguments: [["summary", "hostile.json", "--json"], ["forward", "hostile.json", "--sample", "0,1", "--json"]])
    func jsonEscapesNamesAndStaysValid(_ args: [String]) throws {
        try withSpec { s in
            let r = try NNVizBinary.run(args, cwd: s.url)
            #expect(r.status == 0 && r.stderr.isEmpty)
            #expect(Self.unsafe(r.stdout).isEmpty)
            #expect(r.stdout.contains(#""net\u001b]0;pwned\u0007\u001b[2J\u0000\u000b\u009b\u202e!""#))
            let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let name = obj?["name"] as? String ?? obj?["network"] as? String
            #expect(name == "net\u{1B}]0;pwned\u{7}\u{1B}[2J\u{0}\u{B}\u{9B}\u{202E}!")
        }
    }

    @Test func errorLinesEscapeNames() throws {
        try withSpec { s in
            let r = try NNVizBinary.run(["forward", "hostile.json", "--sample", "0,1,2"], cwd: s.url)
            #expect(r == .init(stdout: "", stderr: """
                error: --sample: sample 0: has 3 values but \(Self.shownName) takes 2 inputs (x\\u{1b}[31m1, x\\t2)

                """, status: 1))
        }
    }

    /// A usage error quoting a token with an escape sequence (ArgumentParser's text, printed by `CommandError`).
    @Test func usageErrorsEscapeTokens() throws {
        let r = try NNVizBinary.run(["summary", "xor", "--\u{1B}[2Jx"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("error: nnviz: ") && r.stderr.contains("\\u{1b}[2Jx"))
        #expect(Self.unsafe(r.stderr).isEmpty)
    }

    @Test func reportPagesDropControlsAndJSONEscapesThem() throws {
        try withSpec { s in
            let r = try NNVizBinary.run(["report", "hostile.json", "--sample", "0,1", "-o", "./r", "--quiet"], cwd: s.url, timeout: 120)
            #expect(r == .init(stdout: "", stderr: "", status: 0))
            let folder = s.url.appendingPathComponent("r/net-0-pwned-2j")
            for file in ["index.html", "report.md", "report.json"] {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                #expect(Self.unsafe(text).isEmpty, "\(file): \(Self.unsafe(text))")
            }
            let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(html.contains("<title>net]0;pwned[2J! · nnviz report</title>"))
            let md = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(md.hasPrefix(#"# net\]0;pwned\[2J!"#))
            let json = try Data(contentsOf: folder.appendingPathComponent("report.json"))
            let obj = try JSONSerialization.jsonObject(with: json) as? [String: Any]
            #expect(obj?["network"] as? String == "net\u{1B}]0;pwned\u{7}\u{1B}[2J\u{0}\u{B}\u{9B}\u{202E}!")
        }
    }
}
