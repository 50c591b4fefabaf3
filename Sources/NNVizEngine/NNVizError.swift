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

    /// Always a single line: control characters from file names or spec strings (a label holding a newline, an
    /// escape sequence) are written as escapes such as `\n` or `\u{1b}` (`DisplayText.escaped`), so one error is one
    /// line on stderr and cannot drive the terminal.
    public var description: String {
        DisplayText.escaped(location.isEmpty ? "error: \(source): \(message)" : "error: \(source): \(location): \(message)")
    }
}
