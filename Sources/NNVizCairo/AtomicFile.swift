#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem

/// Writes a file all at once: bytes go to a temporary file in the same folder (as they are made, for SVG and PDF),
/// which is renamed into place when complete.
///
/// On any failure (and on SIGINT, SIGTERM or SIGHUP, see `SignalCleanup`) the existing file is untouched and the
/// temporary file is removed. Only a regular file is ever replaced: a folder, FIFO, socket or device at the path
/// is refused. A symbolic link to a regular file has its target replaced, and stays a link.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `bytes`; errors read `error: <path>: cannot write: <reason>`.
    public static func write(_ bytes: [UInt8], to path: String) throws(CairoError) {
        try write(to: path) { out throws(CairoError) in
            bytes.withUnsafeBufferPointer { out.write($0) }
        }
    }

    /// Replaces (or creates) `path` with what `produce` writes into `out` as it goes (the file is not held in
    /// memory). The bytes go to the temporary file; it is renamed into place only when `produce` returns and every
    /// write succeeded, and removed otherwise. An error `produce` throws is rethrown; a failed write reads
    /// `error: <path>: cannot write: <reason>`.
    static func write(to path: String, _ produce: (FileOutput) throws(CairoError) -> Void) throws(CairoError) {
        func failure(_ code: Int32) -> CairoError {
            CairoError(path: path, message: "cannot write: \(String(cString: strerror(code)))")
        }
        guard !path.isEmpty else { throw CairoError(path: path, message: "cannot write: empty file name") }
        if path.hasSuffix("/") { throw failure(EISDIR) }
        let target = try destination(of: path)
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target

        // A name unique to this process and call, within NAME_MAX however long the file's own name is; O_EXCL
        // refuses to reuse anything already there.
        var fd: Int32 = -1
        var temp = ""
        var token = 0
        for attempt in 0..<100 {
            let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temp = folder + RawPath.hiddenSibling(of: name, suffix: ".tmp-\(getpid())-\(tag)-\(attempt)")
            token = CleanupRegistry.shared.add(temp, .unlink)
            fd = RawPath.withCString(temp) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
            if fd >= 0 { break }
            let e = errno
            CleanupRegistry.shared.remove(token)
            errno = e
            if e != EEXIST { break }
        }
        if fd < 0 { throw failure(errno) }

        let out = FileOutput(fd: fd)
        var thrown: CairoError?
        do throws(CairoError) {
            try produce(out)
            out.finish()
        } catch {
            thrown = error
        }
        let writeError = out.error
        let closeFailed = close(fd) != 0 ? errno : nil
        let renameError: Int32? = CleanupRegistry.shared.withLock {
            defer { CleanupRegistry.shared.remove(token) }
            if thrown != nil || writeError != nil || closeFailed != nil {
                _ = RawPath.withCString(temp) { unlink($0) }
                return writeError ?? closeFailed
            }
            let moved = RawPath.withCString(temp) { from in RawPath.withCString(target) { rename(from, $0) } }
            if moved != 0 {
                let code = errno
                _ = RawPath.withCString(temp) { unlink($0) }
                return code
            }
            return nil
        }
        if let thrown { throw thrown }
        if let renameError { throw failure(renameError) }
    }

    /// The path to replace: `path` itself, or the file a symbolic link at `path` points to. Anything but a regular
    /// file (or nothing) there is refused, so a FIFO, device or socket is never replaced by a file.
    static func destination(of path: String) throws(CairoError) -> String {
        guard let kind = FileTree.kind(path) else { return path }
        var target = path
        if kind == S_IFLNK {
            var st = stat()
            // A dangling link: write where it points, creating the file, as `>` in a shell would.
            guard let resolved = RawPath.withCString(path, { realpath($0, nil) }) else {
                guard RawPath.withCString(path, { stat($0, &st) }) != 0 else { return path }
                return try danglingTarget(of: path)
            }
            defer { free(resolved) }
            target = RawPath.decode(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self),
                                                        count: strlen(resolved)))
            guard RawPath.withCString(target, { stat($0, &st) }) == 0 else { return target }
            return try checkRegular(st.st_mode & S_IFMT, path: path, target: target)
        }
        return try checkRegular(kind, path: path, target: target)
    }

    private static func checkRegular(_ kind: mode_t, path: String, target: String) throws(CairoError) -> String {
        switch kind {
        case S_IFREG: return target
        case S_IFDIR: throw CairoError(path: path, message: "cannot write: \(String(cString: strerror(EISDIR)))")
        default: throw CairoError(path: path, message: "cannot write: is not a regular file (a pipe, socket or device); choose another file name")
        }
    }

    /// Where a link that points at nothing (yet) would create its file.
    private static func danglingTarget(of path: String) throws(CairoError) -> String {
        var buffer = [UInt8](repeating: 0, count: 4097)
        let n = RawPath.withCString(path) { p in buffer.withUnsafeMutableBufferPointer { readlink(p, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 4096) } }
        guard n > 0 else { throw CairoError(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        let link = RawPath.decode(buffer[..<n])
        if link.hasPrefix("/") { return link }
        let slash = path.lastIndex(of: "/")
        return (slash.map { String(path[...$0]) } ?? "") + link
    }
}
