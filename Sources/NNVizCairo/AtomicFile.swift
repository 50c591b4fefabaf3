#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file all at once: bytes go to a temporary file in the same folder, which is renamed into place.
///
/// On any failure the existing file is untouched and the temporary file is removed.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `bytes`; errors read `error: <path>: cannot write: <reason>`.
    public static func write(_ bytes: [UInt8], to path: String) throws(CairoError) {
        func failure(_ code: Int32) -> CairoError {
            CairoError(path: path, message: "cannot write: \(String(cString: strerror(code)))")
        }
        guard !path.isEmpty else { throw CairoError(path: path, message: "cannot write: empty file name") }
        if path.hasSuffix("/") { throw failure(EISDIR) }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path

        // A name unique to this process and call; O_EXCL refuses to reuse anything already there.
        var fd: Int32 = -1
        var temp = ""
        for attempt in 0..<100 {
            let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temp = folder + "." + name + ".tmp-\(getpid())-\(tag)-\(attempt)"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw failure(errno) }

        var offset = 0
        let writeError: Int32? = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            while offset < buffer.count {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        let closeFailed = close(fd) != 0 ? errno : nil
        if let code = writeError ?? closeFailed {
            unlink(temp)
            throw failure(code)
        }
        if rename(temp, path) != 0 {
            let code = errno
            unlink(temp)
            throw failure(code)
        }
    }

}

/// POSIX `write(2)`, named apart from `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
