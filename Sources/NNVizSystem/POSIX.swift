#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls whose Swift names clash with nnviz's own (`write`, `read`, `rename`, `exit`), reached through
/// one file for Linux (Glibc) and macOS (Darwin) alike. Everything else nnviz calls is plain POSIX, imported with
/// the same `#if canImport` pair.
public enum POSIX {
    /// `write(2)`.
    public static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// `read(2)`.
    public static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `rename(2)` on raw paths (see `RawPath`).
    public static func rename(_ from: String, _ to: String) -> Int32 {
        RawPath.withCString(from) { f in
            RawPath.withCString(to) { t in
                #if canImport(Glibc)
                Glibc.rename(f, t)
                #else
                Darwin.rename(f, t)
                #endif
            }
        }
    }

    /// `exit(3)`.
    public static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }
}
