import NNVizSystem

/// A user-facing failure: which input, where in it, and what is wrong.
///
/// Its description is the one line nnviz prints on stderr:
/// `error: <source>: <location>: <message>` (the location is left out when empty).
public struct NNVizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it, a bundled example's name, or an option such as `--sample`.
    public var source: String
    /// Where in the source: a JSON path (`layers[1].weights`), `line 3, column 7`, an npz member.
    public var location: String
    /// What is wrong, with a hint where one helps.
    public var message: String

    public init(_ source: String, _ location: String = "", _ message: String) {
        self.source = source
        self.location = location
        self.message = message
    }

    /// Always a single line: control characters from file names or spec strings (a label holding a newline)
    /// are written as escapes such as `\n`, so one error is one line on stderr.
    public var description: String {
        let file = RawPath.display(source)
        let line = location.isEmpty ? "error: \(file): \(message)" : "error: \(file): \(location): \(message)"
        guard line.unicodeScalars.contains(where: Self.isControl) else { return line }
        return JSONText.escaping(line) { u in
            switch u {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where Self.isControl(u): "\\u{\(String(u.value, radix: 16))}"
            default: nil
            }
        }
    }

    /// C0 and C1 controls and the Unicode line and paragraph separators, which would break or garble the line.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7f...0x9f).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }
}
