#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizEngine
import NNVizSystem

/// The folders a run had to create for its output (`-o a/b` when neither exists yet): made up front, and removed
/// again, while still empty, when the run fails (`remove`) or is interrupted (through `CleanupRegistry`).
public final class OutputFolders {
    private var created: [(path: String, token: Int)] = []

    /// Creates `path` and its missing parents.
    public init(_ path: String) throws(NNVizError) {
        try StagedFolder.makeFolders(path, created: &created)
    }

    /// Removes the created folders that are still empty, deepest first.
    public func remove() {
        for folder in created.reversed() {
            _ = RawPath.withCString(folder.path) { rmdir($0) }
            CleanupRegistry.shared.remove(folder.token)
        }
        created = []
    }

    /// The run succeeded: the folders stay.
    public func keep() {
        for folder in created { CleanupRegistry.shared.remove(folder.token) }
        created = []
    }
}
