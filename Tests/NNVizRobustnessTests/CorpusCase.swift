import Foundation

/// One line of `Corpus/cases.tsv`: a bad input, the command that reads it and what the one error line must say.
struct CorpusCase: Sendable, CustomStringConvertible {
    var id: String
    var status: Int32
    /// What the line must name right after `error: ` (a corpus file, an option such as `--sample`, or `nnviz`).
    var source: String
    /// A fragment the line must contain: usually the place (JSON path, row and column, npz member) and the problem.
    var fragment: String
    var arguments: [String]

    var description: String { id }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Where figure commands are told to write (`$O`): every case fails, so it must stay empty.
    static let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-corpus-out-\(getpid())")

    /// Every case, with `$C` replaced by the corpus folder's path and `$O` by `outputFolder`.
    static func all() throws -> [CorpusCase] {
        let text = try String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)
        let c = folder.path
        var out: [CorpusCase] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("id\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let status = Int32(f[1]) else { throw CorpusError.malformed(String(line)) }
            func expand(_ s: String) -> String {
                s.replacingOccurrences(of: "$C", with: c).replacingOccurrences(of: "$O", with: outputFolder.path)
            }
            out.append(CorpusCase(id: f[0], status: status, source: expand(f[2]), fragment: expand(f[3]),
                                  arguments: f[4].split(separator: " ").map { expand(String($0)) }))
        }
        return out
    }

    enum CorpusError: Error { case malformed(String) }

    /// The class a case belongs to, from its id (`spec-…`, `npy-…`), for the README's table.
    var inputClass: String { String(id.prefix { $0 != "-" }) }
}
