#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizEngine
import NNVizSystem

/// Who wrote what is at a report's destination: nothing there, or a folder whose files are nnviz's (listed in its
/// `.nnviz-report` manifest) and possibly others. A report replaces a folder only when every file in it is
/// nnviz's; a folder without a manifest (an older nnviz) counts as nnviz's only if every file in it has a name
/// nnviz writes for a report. Anything else is refused unless `--force`, which keeps every foreign file.
enum Ownership: Equatable {
    case absent
    /// `owned`: names nnviz wrote (the manifest among them); `foreign`: everything else, sorted.
    case owned([String], foreign: [String])

    init(of destination: String, ownNames: Set<String>) throws(NNVizError) {
        guard let kind = FileTree.kind(destination) else { self = .absent; return }
        guard kind == S_IFDIR else { throw NNVizError(destination, "", "exists and is not a folder; remove it or choose another \(Setting.output)") }
        guard let names = FileTree.names(in: destination) else {
            throw NNVizError(destination, "", StagedFolder.reason(errno, "cannot be read"))
        }
        let manifest = Ownership.manifest(in: destination, name: StagedFolder.manifestName)
        var owned: [String] = []
        var foreign: [String] = []
        for name in names {
            let regular = FileTree.kind(destination + "/" + name) == S_IFREG
            let ours = name == StagedFolder.manifestName ? manifest != nil : manifest.map { $0.contains(name) } ?? ownNames.contains(name)
            if ours && regular { owned.append(name) } else { foreign.append(name) }
        }
        // Without a manifest, report-like names prove nothing once the folder also holds other files.
        if manifest == nil && !foreign.isEmpty {
            foreign = (foreign + owned).sorted { Array(RawPath.bytes($0)).lexicographicallyPrecedes(RawPath.bytes($1)) }
            owned = []
        }
        self = .owned(owned, foreign: foreign)
    }

    /// The names a folder's manifest lists, or `nil` when it has none (or not one nnviz wrote).
    static func manifest(in folder: String, name: String) -> Set<String>? {
        let path = folder + "/" + name
        guard FileTree.kind(path) == S_IFREG, let text = try? InputFile.text(path, limit: 1 << 20) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == StagedFolder.manifestHeader else { return nil }
        return Set(lines.dropFirst())
    }

    /// Throws unless the report may go here: nothing foreign, or `force` and none of the files about to be written
    /// (`writing`) would land on a foreign one.
    @discardableResult
    func check(_ destination: String, force: Bool, writing: [String]) throws(NNVizError) -> Ownership {
        guard case .owned(_, let foreign) = self, !foreign.isEmpty else { return self }
        if !force {
            let shown = foreign.prefix(3).map(RawPath.display).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
            throw NNVizError(destination, "", "holds files nnviz did not write (\(shown)); choose another \(Setting.output), or add \(Setting.force) to replace only nnviz's own files and keep the rest")
        }
        if let clash = writing.first(where: foreign.contains) {
            throw NNVizError(destination + "/" + clash, "", "was not written by nnviz and is never replaced, even with \(Setting.force); choose another \(Setting.output)")
        }
        return self
    }
}
