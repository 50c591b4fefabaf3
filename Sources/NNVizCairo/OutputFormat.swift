/// An output file format, chosen from the file's extension (case-insensitive).
public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// The format for `path`'s extension; throws naming the file and the valid extensions otherwise.
    public init(path: String) throws(CairoError) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let ext: String
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            ext = String(name[name.index(after: dot)...]).lowercased()
        } else {
            ext = ""
        }
        guard let format = OutputFormat(rawValue: ext) else {
            let valid = OutputFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", ")
            let what = ext.isEmpty ? "has no file extension" : "unknown file extension '.\(ext)'"
            throw CairoError(path: path, message: "\(what); expected one of \(valid)")
        }
        self = format
    }

    /// Most edges a layer diagram draws in this format by default: a PNG rasterises a dense layer's edges straight
    /// into its pixels (500,000 edges in about 3.5 s on one 2-core machine, release build), while SVG and PDF write
    /// each edge as a path of about 100 bytes (250,000 edges ≈ 30 MB of SVG, about 3 s).
    public var defaultMaxEdges: Int { self == .png ? 500_000 : 250_000 }

    /// Whether the format keeps shapes as vectors (SVG, PDF) rather than pixels.
    public var isVector: Bool { self != .png }
}
