#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizEngine
import NNVizSystem

/// The files one `nnviz md` build writes into its output folder, staged in a hidden folder inside it and renamed
/// into place only when every block succeeded (`commit`); until then, and after `discard`, the folder is exactly as
/// it was (a folder the build had to create is removed again).
///
/// The folder's manifest `.nnviz-md` lists every file nnviz wrote there; a file of another name is never replaced
/// or deleted (`check` refuses before any work). Files whose bytes did not change are not rewritten, so their
/// modification time stays. The render cache (`.nnviz-cache/`) is staged the same way.
///
/// Sendable for parallel renders, which only read its paths (`scratch`, `cachePath`); staging and committing
/// happen on one thread.
public final class LessonOutput: @unchecked Sendable {
    public let folder: String
    let staging: String
    private var stagingToken = 0
    private var createdFolder = false
    private var createdToken = 0
    private var staged: [String] = []
    private var finished = false

    public static let manifestName = ".nnviz-md"
    static let manifestHeader = "nnviz md"
    public static let cacheName = ".nnviz-cache"
    private static let counter = StagedFolder.Counter()

    /// Names the manifest of `folder` lists (empty when it has none).
    public static func owned(in folder: String) -> Set<String> {
        guard let bytes = try? InputFile.read(folder + "/" + manifestName, limit: 16 << 20),
              let text = StrictUTF8.decode(bytes) else { return [] }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == manifestHeader else { return [] }
        return Set(lines.dropFirst())
    }

    /// Refuses, before any work, names that exist in `folder` but nnviz did not write.
    public static func check(_ folder: String, display: String, writing names: [String]) throws(NNVizError) {
        let own = owned(in: folder)
        let foreign = names.filter { FileTree.kind(folder + "/" + $0) != nil && !own.contains($0) }
        guard foreign.isEmpty else {
            let list = Array(Set(foreign)).sorted()
            throw NNVizError(display, "", "holds files nnviz did not write (\(list.prefix(5).joined(separator: ", "))\(list.count > 5 ? ", …" : "")); choose another \(Setting.output)")
        }
    }

    /// Creates `folder` if needed and a hidden staging folder in it.
    public init(folder: String, display: String) throws(NNVizError) {
        self.folder = folder
        staging = folder + "/.nnviz-md-partial-\(getpid())-\(LessonOutput.counter.next())"
        if FileTree.kind(folder) == nil {
            guard RawPath.withCString(folder, { mkdir($0, 0o755) }) == 0 else {
                throw NNVizError(display, "", "cannot be created: \(String(cString: strerror(errno)))")
            }
            createdFolder = true
            createdToken = CleanupRegistry.shared.add(folder, .removeTree)
        } else if FileTree.kind(folder) != S_IFDIR {
            throw NNVizError(display, "", "is not a folder")
        }
        stagingToken = CleanupRegistry.shared.add(staging, .removeTree)
        guard RawPath.withCString(staging, { mkdir($0, 0o755) }) == 0 else {
            let e = errno
            CleanupRegistry.shared.remove(stagingToken)
            discard()
            throw NNVizError(display, "", "cannot be written: \(String(cString: strerror(e)))")
        }
        _ = RawPath.withCString(staging + "/cache") { mkdir($0, 0o755) }
    }

    deinit { if !finished { discard() } }

    /// A path inside the staging folder for a scratch file (an inline spec), never moved into place.
    public func scratch(_ name: String) -> String { staging + "/" + name }

    /// The staged path of the cache entry `name`, which `commit` moves into `.nnviz-cache/`.
    public func cachePath(_ name: String) -> String { staging + "/cache/" + name }

    /// Stages `bytes` as the output file `name`, unless the folder already holds exactly these bytes there.
    public func stage(_ bytes: [UInt8], name: String) throws(NNVizError) {
        if let old = try? InputFile.read(folder + "/" + name, limit: bytes.count + 1), old == bytes { return }
        try LessonOutput.write(bytes, to: staging + "/" + name)
        staged.append(name)
    }

    /// Writes a file at once.
    public static func write(_ bytes: [UInt8], to path: String) throws(NNVizError) {
        if let failure = WholeFile.write(bytes, to: path) {
            throw NNVizError(path, "", "cannot be written: \(String(cString: strerror(failure)))")
        }
    }

    /// Moves every staged file into place, records them in the manifest and removes the staging folder.
    /// Returns how many output files changed.
    @discardableResult
    public func commit(names: [String]) throws(NNVizError) -> Int {
        let cache = folder + "/" + LessonOutput.cacheName
        let stagedCache = FileTree.names(in: staging + "/cache") ?? []
        if !stagedCache.isEmpty && FileTree.kind(cache) == nil { _ = RawPath.withCString(cache) { mkdir($0, 0o755) } }
        for name in stagedCache {
            _ = POSIX.rename(staging + "/cache/" + name, cache + "/" + name)
        }
        let own = LessonOutput.owned(in: folder).union(names)
        let manifest = ([LessonOutput.manifestHeader] + own.sorted()).joined(separator: "\n") + "\n"
        try stage(Array(manifest.utf8), name: LessonOutput.manifestName)
        for name in staged {
            guard POSIX.rename(staging + "/" + name, folder + "/" + name) == 0 else {
                throw NNVizError(folder + "/" + name, "", "cannot be replaced: \(String(cString: strerror(errno)))")
            }
        }
        finished = true
        FileTree.remove(staging)
        CleanupRegistry.shared.remove(stagingToken)
        if createdFolder { CleanupRegistry.shared.remove(createdToken) }
        return staged.filter { $0 != LessonOutput.manifestName }.count
    }

    /// Removes the staging folder, and the output folder if this build created it.
    public func discard() {
        finished = true
        FileTree.remove(staging)
        CleanupRegistry.shared.remove(stagingToken)
        if createdFolder {
            FileTree.remove(folder)
            CleanupRegistry.shared.remove(createdToken)
        }
    }
}
