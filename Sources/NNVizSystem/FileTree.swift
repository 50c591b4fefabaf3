#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder listing and removal on raw paths (see `RawPath`), without following symbolic links.
public enum FileTree {
    /// The names in folder `path` (without `.` and `..`), sorted by their bytes; `nil` if it cannot be read.
    public static func names(in path: String) -> [String]? {
        guard let dir = RawPath.withCString(path, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var out: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            out.append(name)
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }.map { RawPath.decode($0) }
    }

    /// The type bits of what `path` is (`S_IFREG`, `S_IFDIR`, …) without following a final symbolic link; `nil`
    /// when nothing is there.
    public static func kind(_ path: String) -> mode_t? {
        var st = stat()
        guard RawPath.withCString(path, { lstat($0, &st) }) == 0 else { return nil }
        return st.st_mode & S_IFMT
    }

    /// Whether `a` and `b` name the same existing file (the same device and inode, links followed), so a
    /// command can refuse to write its output over its input.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard RawPath.withCString(a, { stat($0, &sa) }) == 0, RawPath.withCString(b, { stat($0, &sb) }) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Removes `path` and, if it is a folder, everything in it; symbolic links are removed, never followed.
    public static func remove(_ path: String) {
        if kind(path) == S_IFDIR {
            for name in names(in: path) ?? [] { remove(path + "/" + name) }
            _ = RawPath.withCString(path) { rmdir($0) }
        } else {
            _ = RawPath.withCString(path) { unlink($0) }
        }
    }
}
