#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizEngine
import NNVizSystem

/// A report folder written beside its destination and swapped into place only when complete, so a failed or
/// interrupted report leaves the previous one exactly as it was and no partial folder behind.
///
/// The staging folder `.NAME.partial-PID-N` lives in the destination's parent; files are written into it by plain
/// names only (no `/`), so nothing lands outside it. A finished folder carries a manifest (`.nnviz-report`) of the
/// files nnviz wrote, and only a folder whose every file nnviz wrote is ever replaced (see `Ownership`).
final class StagedFolder {
    /// The folder the report ends up in, e.g. `output/xor`.
    let destination: String
    /// The hidden sibling it is built in.
    let staging: String
    /// Where the previous report waits while the new one moves in.
    private let aside: String
    /// Names nnviz writes for this kind of report: what an older nnviz (no manifest) may have left there.
    private let ownNames: Set<String>
    /// Keep files nnviz did not write and replace only nnviz's own, instead of refusing.
    private let force: Bool
    private var written: [String] = []
    private var finished = false
    /// Parent folders this report had to create, removed again (if still empty) when it is abandoned.
    private var created: [(path: String, token: Int)] = []
    private var stagingToken = 0

    private static let counter = Counter()

    /// The manifest's file name and its first line.
    static let manifestName = ".nnviz-report"
    static let manifestHeader = "nnviz report"

    /// Creates the parent folders as needed and an empty staging folder beside `destination`, after checking that
    /// whatever is at `destination` may be replaced (`ownNames`, `force`: see `Ownership`).
    /// `planned`: the files this report will write, checked against foreign ones before any work when `force`.
    init(destination: String, ownNames: Set<String> = [], planned: [String] = [], force: Bool = false) throws(NNVizError) {
        let parent = StagedFolder.parent(of: destination)
        let name = String(destination.split(separator: "/").last ?? "report")
        let folder = parent == "." && !destination.hasPrefix("./") ? "" : parent == "/" ? "/" : parent + "/"
        let tag = "\(getpid())-\(StagedFolder.counter.next())"
        self.destination = destination
        self.staging = folder + RawPath.hiddenSibling(of: name, suffix: ".partial-" + tag)
        self.aside = folder + RawPath.hiddenSibling(of: name, suffix: ".previous-" + tag)
        self.ownNames = ownNames
        self.force = force
        try StagedFolder.makeFolders(parent, created: &created)
        do {
            try Ownership(of: destination, ownNames: ownNames).check(destination, force: force, writing: planned)
        } catch {
            removeCreated()
            throw error
        }
        stagingToken = CleanupRegistry.shared.add(staging, .removeTree)
        if RawPath.withCString(staging, { mkdir($0, 0o755) }) != 0 {
            let e = errno
            CleanupRegistry.shared.remove(stagingToken)
            removeCreated()
            throw NNVizError(parent, "", StagedFolder.reason(e, "cannot create a folder in it"))
        }
    }

    deinit { if !finished { discard() } }

    /// Writes `bytes` to the file `name` inside the staging folder.
    func write(_ bytes: [UInt8], name: String) throws(NNVizError) {
        precondition(!name.contains("/") && !name.hasPrefix("."), "report file names are plain")
        try put(bytes, name: name)
        written.append(name)
    }

    /// Writes UTF-8 text to the file `name`.
    func write(_ text: String, name: String) throws(NNVizError) { try write(Array(text.utf8), name: name) }

    private func put(_ bytes: [UInt8], name: String) throws(NNVizError) {
        if let failure = WholeFile.write(bytes, to: staging + "/" + name) {
            throw NNVizError(destination + "/" + name, "", StagedFolder.reason(failure, "cannot be written"))
        }
    }

    /// The manifest's text: its header line, then each file nnviz wrote, sorted.
    static func manifest(_ names: [String]) -> String {
        ([manifestHeader] + names.sorted()).joined(separator: "\n") + "\n"
    }

    /// Puts the finished folder in place. Nothing there yet: the staging folder takes the name. A previous report
    /// (every file nnviz's): it moves aside, the new one takes its name, the old one is deleted, file by file. With
    /// `force`, a folder that also holds other files keeps them: nnviz's files are replaced one by one.
    func commit() throws(NNVizError) {
        try put(Array(StagedFolder.manifest(written).utf8), name: StagedFolder.manifestName)
        try CleanupRegistry.shared.withLock { () throws(NNVizError) in
            let ownership: Ownership
            do throws(NNVizError) {
                ownership = try Ownership(of: destination, ownNames: ownNames)
                try ownership.check(destination, force: force, writing: written + [StagedFolder.manifestName])
            } catch {
                discard()
                throw error
            }
            switch ownership {
            case .absent: try swap(hadOld: false, owned: [])
            case .owned(let names, let foreign) where foreign.isEmpty: try swap(hadOld: true, owned: names)
            case .owned(let names, _): try merge(owned: names)
            }
            finished = true
            CleanupRegistry.shared.remove(stagingToken)
            for c in created { CleanupRegistry.shared.remove(c.token) }
        }
    }

    private func swap(hadOld: Bool, owned: [String]) throws(NNVizError) {
        var restoreToken = 0
        if hadOld {
            guard rename(destination, aside) == 0 else {
                let e = errno
                discard()
                throw NNVizError(destination, "", StagedFolder.reason(e, "cannot be replaced"))
            }
            restoreToken = CleanupRegistry.shared.add(aside, .restore(to: destination))
        }
        if rename(staging, destination) != 0 {
            let e = errno
            if hadOld { _ = rename(aside, destination); CleanupRegistry.shared.remove(restoreToken) }
            discard()
            throw NNVizError(destination, "", StagedFolder.reason(e, "cannot be replaced"))
        }
        if hadOld {
            CleanupRegistry.shared.remove(restoreToken)
            // Only what nnviz wrote is deleted; anything that appeared meanwhile keeps the folder aside.
            for name in owned { _ = RawPath.withCString(aside + "/" + name) { unlink($0) } }
            _ = RawPath.withCString(aside) { rmdir($0) }
        }
    }

    /// Moves each new file over the old one inside a folder that also holds files nnviz did not write, deletes old
    /// nnviz files the new report no longer has, and leaves everything else alone.
    private func merge(owned: [String]) throws(NNVizError) {
        let names = written + [StagedFolder.manifestName]
        for name in names where rename(staging + "/" + name, destination + "/" + name) != 0 {
            let e = errno
            discard()
            throw NNVizError(destination + "/" + name, "", StagedFolder.reason(e, "cannot be replaced"))
        }
        for name in owned where !names.contains(name) {
            _ = RawPath.withCString(destination + "/" + name) { unlink($0) }
        }
        _ = RawPath.withCString(staging) { rmdir($0) }
    }

    /// Deletes the staging folder and everything in it, and the parent folders this report created if they are
    /// still empty (`rmdir` leaves one that another report has written into).
    func discard() {
        finished = true
        FileTree.remove(staging)
        CleanupRegistry.shared.remove(stagingToken)
        removeCreated()
    }

    private func removeCreated() {
        for folder in created.reversed() {
            _ = RawPath.withCString(folder.path) { rmdir($0) }
            CleanupRegistry.shared.remove(folder.token)
        }
        created = []
    }

    /// The folder part of `path` (`.` when there is none).
    static func parent(of path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// `mkdir -p`, with an error naming the folder that could not be made; appends each folder it made to `created`
    /// (and registers it for removal should the process be interrupted).
    static func makeFolders(_ path: String, created: inout [(path: String, token: Int)]) throws(NNVizError) {
        var st = stat()
        if RawPath.withCString(path, { stat($0, &st) }) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw NNVizError(path, "", "exists and is not a folder") }
            return
        }
        let up = parent(of: path)
        if up != path && up != "." && up != "/" { try makeFolders(up, created: &created) }
        let token = CleanupRegistry.shared.add(path, .rmdir)
        if RawPath.withCString(path, { mkdir($0, 0o755) }) == 0 {
            created.append((path, token))
        } else {
            let e = errno
            CleanupRegistry.shared.remove(token)
            if e != EEXIST { throw NNVizError(path, "", reason(e, "cannot be created")) }
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

    private func rename(_ from: String, _ to: String) -> Int32 {
        POSIX.rename(from, to)
    }

    /// A process-wide counter so concurrent reports never share a staging name.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private var lock = pthread_mutex_t()
        init() { pthread_mutex_init(&lock, nil) }
        func next() -> Int { pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }; value += 1; return value }
    }
}
