#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NNVizEngine

/// A report folder written beside its destination and swapped into place only when complete, so a failed report
/// leaves the previous one exactly as it was and no partial folder behind.
///
/// The staging folder `.NAME.partial-PID-N` lives in the destination's parent; files are written into it by plain
/// names only (no `/`), so nothing lands outside it.
final class StagedFolder {
    /// The folder the report ends up in, e.g. `output/xor`.
    let destination: String
    /// The hidden sibling it is built in.
    let staging: String
    /// Where the previous report waits while the new one moves in.
    private let aside: String
    private var finished = false
    /// Parent folders this report had to create, removed again (if still empty) when it is abandoned.
    private var created: [String] = []

    private static let counter = Counter()

    /// Creates the parent folders as needed and an empty staging folder beside `destination`.
    init(destination: String) throws(NNVizError) {
        let parent = StagedFolder.parent(of: destination)
        let name = String(destination.split(separator: "/").last ?? "report")
        let prefix = (parent == "." && !destination.hasPrefix("./") ? "" : parent == "/" ? "/" : parent + "/") + "." + name
        let tag = "\(getpid())-\(StagedFolder.counter.next())"
        self.destination = destination
        self.staging = prefix + ".partial-" + tag
        self.aside = prefix + ".previous-" + tag
        try StagedFolder.makeFolders(parent, created: &created)
        var st = stat()
        if lstat(destination, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR {
            throw NNVizError(destination, "", "exists and is not a folder; remove it or choose another -o")
        }
        if mkdir(staging, 0o755) != 0 {
            let e = errno
            removeCreated()
            throw NNVizError(parent, "", StagedFolder.reason(e, "cannot create a folder in it"))
        }
    }

    deinit { if !finished { discard() } }

    /// Writes `bytes` to the file `name` inside the staging folder.
    func write(_ bytes: [UInt8], name: String) throws(NNVizError) {
        precondition(!name.contains("/") && !name.hasPrefix("."), "report file names are plain")
        let path = staging + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw NNVizError(destination + "/" + name, "", StagedFolder.reason(errno, "cannot be written")) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw NNVizError(destination + "/" + name, "", StagedFolder.reason(errno, "cannot be written")) }
            done += n
        }
    }

    /// Writes UTF-8 text to the file `name`.
    func write(_ text: String, name: String) throws(NNVizError) { try write(Array(text.utf8), name: name) }

    /// Swaps the finished folder into place: the old report (if any) moves aside, the new one takes its name,
    /// the old one is deleted. If the second step fails the old report is put back.
    func commit() throws(NNVizError) {
        var st = stat()
        let hadOld = lstat(destination, &st) == 0
        if hadOld && rename(destination, aside) != 0 {
            let e = errno
            discard()
            throw NNVizError(destination, "", StagedFolder.reason(e, "cannot be replaced"))
        }
        if rename(staging, destination) != 0 {
            let e = errno
            if hadOld { _ = rename(aside, destination) }
            discard()
            throw NNVizError(destination, "", StagedFolder.reason(e, "cannot be replaced"))
        }
        finished = true
        if hadOld { try? FileManager.default.removeItem(atPath: aside) }
    }

    /// Deletes the staging folder and everything in it, and the parent folders this report created if they are
    /// still empty (`rmdir` leaves one that another report has written into).
    func discard() {
        finished = true
        try? FileManager.default.removeItem(atPath: staging)
        removeCreated()
    }

    private func removeCreated() {
        for folder in created.reversed() { _ = rmdir(folder) }
    }

    /// The folder part of `path` (`.` when there is none).
    static func parent(of path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// `mkdir -p`, with an error naming the folder that could not be made; appends each folder it made to `created`.
    static func makeFolders(_ path: String, created: inout [String]) throws(NNVizError) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw NNVizError(path, "", "exists and is not a folder") }
            return
        }
        let up = parent(of: path)
        if up != path && up != "." && up != "/" { try makeFolders(up, created: &created) }
        if mkdir(path, 0o755) == 0 {
            created.append(path)
        } else if errno != EEXIST {
            throw NNVizError(path, "", reason(errno, "cannot be created"))
        }
    }

    static func reason(_ code: Int32, _ what: String) -> String {
        switch code {
        case EACCES, EPERM: return "\(what): permission denied"
        case ENOSPC: return "\(what): no space left on the device"
        case EROFS: return "\(what): read-only file system"
        case ENOTDIR: return "\(what): a folder in the path is not a directory"
        default: return "\(what) (\(String(cString: strerror(code))))"
        }
    }

    /// A process-wide counter so concurrent reports never share a staging name.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
