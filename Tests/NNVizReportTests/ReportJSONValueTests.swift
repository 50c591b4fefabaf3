import Testing
import NNVizEngine
@testable import NNVizReport

/// The layouts report.json is written in, byte for byte.
@Suite struct ReportJSONValueTests {
    @Test func layoutsAreExact() throws {
        let m = try Matrix([[1, 0.5], [-2, 1e-5]])
        let doc = ReportJSONValue.object([
            ("name", .string("x\n\"y\"")),
            ("sizes", .array([.int(2), .int(1)], .inline)),
            ("w", .rows(m)),
            ("layers", .array([.object([("bias", .numbers([0.1, .infinity]))], .lines)], .lines)),
            ("set", .object([("points", .int(4)), ("name", .string("xor"))], .inline)),
            ("figures", .array([.object([("id", .string("d")), ("files", .strings(["d.png"])), ("alt", .string("a"))],
                                        .wrapped(before: ["alt"]))], .lines)),
            ("empty", .array([], .lines)),
        ], .lines)
        #expect(doc.written() == """
            {
              "name": "x\\n\\"y\\"",
              "sizes": [2, 1],
              "w": [
                [1.0, 0.5],
                [-2.0, 1e-05]
              ],
              "layers": [
                {
                  "bias": [0.1, null]
                }
              ],
              "set": {"points": 4, "name": "xor"},
              "figures": [
                {"id": "d", "files": ["d.png"],
                 "alt": "a"}
              ],
              "empty": []
            }
            """)
    }
}
