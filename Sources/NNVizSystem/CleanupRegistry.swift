#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What nnviz is writing right now and must take back if it is interrupted: temporary files, staging folders and
/// the output folders a first report created.
///
/// Writers register a path before creating it and unregister it once it is renamed into place or removed; a
/// signal handler (`SignalCleanup`) calls `cleanUp()`. Renames that publish a result run inside `withLock`, so the
/// handler never sees a half-swapped report.
public final class CleanupRegistry: @unchecked Sendable {
    /// What to do with a registered path when the process is interrupted.
    public enum Action: Sendable {
        /// Remove a file.
        case unlink
        /// Remove a folder and everything in it (only ever a staging folder nnviz created).
        case removeTree
        /// Remove a folder if it is empty.
        case rmdir
        /// Move a folder back to the given path (a previous report set aside during a swap).
        case restore(to: String)
    }

    /// The one registry of this process.
    public static let shared = CleanupRegistry()

    private var entries: [(id: Int, path: String, action: Action)] = []
    private var nextID = 0
    private var mutex = pthread_mutex_t()

    private init() {
        var attr = pthread_mutexattr_t()
        pthread_mutexattr_init(&attr)
        pthread_mutexattr_settype(&attr, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(&mutex, &attr)
    }

    /// Runs `body` with no clean-up able to start in between.
    public func withLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Registers `path`; returns a token for `remove`.
    @discardableResult
    public func add(_ path: String, _ action: Action) -> Int {
        withLock {
            nextID += 1
            entries.append((nextID, path, action))
            return nextID
        }
    }

    /// Forgets the entry `token` (its path was published or removed).
    public func remove(_ token: Int) {
        withLock { entries.removeAll { $0.id == token } }
    }

    /// Undoes every registered entry, newest first. Called with the lock held for good: nothing is published after.
    public func cleanUp() {
        pthread_mutex_lock(&mutex)
        for entry in entries.reversed() {
            switch entry.action {
            case .unlink: _ = RawPath.withCString(entry.path) { unlink($0) }
            case .removeTree: FileTree.remove(entry.path)
            case .rmdir: _ = RawPath.withCString(entry.path) { rmdir($0) }
            case .restore(let to):
                _ = RawPath.withCString(entry.path) { from in RawPath.withCString(to) { rename(from, $0) } }
            }
        }
        entries.removeAll()
    }
}
