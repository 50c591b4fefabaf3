import NNVizSystem

/// A rendering or writing failure; its description is the one stderr line `error: <path>: <what>`.
public struct CairoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output file (or a label such as `scene.png` when rendering to memory).
    public var path: String
    /// What went wrong, one line, no trailing period.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// The line with its settings still as tokens, for a front end to word (`Setting.render`).
    public var line: String { "error: \(RawPath.display(path)): \(message)" }

    public var description: String { Setting.plain(line) }

    /// The same failure reported against another path.
    func at(_ path: String) -> CairoError { CairoError(path: path, message: message) }
}
