#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem

/// Reads whole input files with errors that say what went wrong (missing, a directory, unreadable, too large).
public enum InputFile {
    /// The bytes of the file at `path`, refusing files over `limit` bytes before reading them.
    public static func read(_ path: String, limit: Int = LoadLimits().maxFileBytes) throws(NNVizError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; regular files ignore the flag.
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else { throw NNVizError(path, "", reason(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw NNVizError(path, "", reason(errno)) }
        try checkRegular(st.st_mode, path)
        let size = Int(st.st_size)
        guard size <= limit else { throw NNVizError(path, "", "is \(size) bytes, more than the limit of \(limit)") }
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { POSIX.read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NNVizError(path, "", reason(errno))
            }
            if n == 0 { break }
            done += n
        }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }

    /// The file's contents as UTF-8 text, without a leading byte-order mark (editors on Windows add one).
    public static func text(_ path: String, limit: Int = LoadLimits().maxFileBytes) throws(NNVizError) -> String {
        var bytes = try read(path, limit: limit)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let s = StrictUTF8.decode(bytes) else {
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            throw NNVizError(path, "", utf16 ? "is UTF-16 text; save it as UTF-8" : "is not UTF-8 text")
        }
        return s
    }

    /// Throws unless `path` is a regular file: a FIFO or device would block or never end.
    static func requireRegularFile(_ path: String) throws(NNVizError) {
        var st = stat()
        guard RawPath.withCString(path, { stat($0, &st) }) == 0 else { throw NNVizError(path, "", reason(errno)) }
        try checkRegular(st.st_mode, path)
    }

    static func checkRegular(_ mode: mode_t, _ path: String) throws(NNVizError) {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw NNVizError(path, "", "is a directory, not a file")
        default: throw NNVizError(path, "", "is not a regular file (a pipe, socket or device); save the data to a file first")
        }
    }

    /// Whether a regular file or anything else exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return RawPath.withCString(path) { stat($0, &st) } == 0
    }

    /// The file name without folders and without its last extension: `specs/net.json` → `net` (bytes that are not
    /// UTF-8 shown as `\xFF`, since the stem names a network in text).
    public static func stem(_ path: String) -> String {
        let name = RawPath.display(path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The lower-cased last extension without the dot, or "".
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, not a file"
        case ENOTDIR: return "a folder in the path is not a directory"
        default: return "cannot be read (\(String(cString: strerror(code))))"
        }
    }
}
