import NNVizSystem

/// A user-facing failure: which input, where in it, and what is wrong.
///
/// Its description is one line, `error: <source>: <location>: <message>` (the location is left out when empty).
/// A source or message that points at a setting (a limit to raise, the input the samples came from) carries it as
/// a `Setting` token: `description` says it in plain words, and the `nnviz` command renders `line` with its flags.
public struct NNVizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it, a bundled example's name, or a setting's token (`Setting.samples.token`).
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

    /// A failure of the input a setting names (the samples, a limit, a training option).
    public init(_ setting: Setting, _ location: String = "", _ message: String) {
        self.init(setting.token, location, message)
    }

    /// The line with its settings still as tokens, for a front end to word (`Setting.render`).
    public var line: String {
        DisplayText.escaped(location.isEmpty ? "error: \(source): \(message)" : "error: \(source): \(location): \(message)")
    }

    /// Always a single line: control characters from file names or spec strings (a label holding a newline, an
    /// escape sequence) are written as escapes such as `\n` or `\u{1b}` (`DisplayText.escaped`), so one error is one
    /// line on stderr and cannot drive the terminal.
    public var description: String { Setting.plain(line) }
}
