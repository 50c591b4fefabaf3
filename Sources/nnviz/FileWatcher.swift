#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem

/// Waits until one of a set of files changes: through inotify on Linux (the files' folders are watched, so an
/// editor that saves by renaming a new file into place is seen too), by polling their size, time and inode
/// elsewhere or when inotify is unavailable.
struct FileWatcher {
    let paths: [String]

    /// What identifies a file's version: inode, size, modification time (ns); nil when it is missing.
    static func stamp(_ path: String) -> [Int]? {
        var st = stat()
        guard RawPath.withCString(path, { stat($0, &st) }) == 0 else { return nil }
        #if canImport(Glibc)
        return [Int(st.st_ino), Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)]
        #else
        return [Int(st.st_ino), Int(st.st_size), Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec)]
        #endif
    }

    /// Blocks until a file changes, then lets a burst of writes settle (50 ms without events).
    func wait() {
        let before = paths.map(Self.stamp)
        #if canImport(Glibc)
        if waitWithInotify(before) { return }
        #endif
        while paths.map(Self.stamp).elementsEqual(before, by: ==) { usleep(200_000) }
        usleep(50_000)
    }

    #if canImport(Glibc)
    /// inotify on the folders of `paths`; false when inotify cannot be set up (then the caller polls).
    private func waitWithInotify(_ before: [[Int]?]) -> Bool {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var folders: [Int32: String] = [:]
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        for p in paths {
            let folder = LessonBuilder.folder(of: p)
            if folders.values.contains(folder) { continue }
            let wd = RawPath.withCString(folder) { inotify_add_watch(fd, $0, mask) }
            if wd >= 0 { folders[wd] = folder }
        }
        guard !folders.isEmpty else { return false }
        let watched = Set(paths)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            // A change between the stamps and the watch being set is caught here.
            if !paths.map(Self.stamp).elementsEqual(before, by: ==) { break }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 1000) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { if errno == EINTR { continue }; return false }
            var hit = false
            var at = 0
            while at + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.load(fromByteOffset: at, as: Int32.self) }
                let len = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: at + 12, as: UInt32.self) })
                let nameBytes = buffer[(at + 16)..<(at + 16 + len)].prefix { $0 != 0 }
                if let folder = folders[wd], watched.contains(folder + "/" + RawPath.decode(Array(nameBytes))) { hit = true }
                at += 16 + len
            }
            if hit { break }
        }
        // Let the burst settle.
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&pfd, 1, 50) > 0 {
            _ = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        }
        return true
    }
    #endif
}
