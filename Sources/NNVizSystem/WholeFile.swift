#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file in one go (created or truncated, mode 0644), retrying interrupted writes: what a staged
/// report or lesson writes under its private staging name before renaming it into place.
public enum WholeFile {
    /// Writes `bytes` to `path`; nil when every byte was written and the file closed, else the `errno` that stopped it.
    public static func write(_ bytes: [UInt8], to path: String) -> Int32? {
        let fd = RawPath.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { return errno }
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < buffer.count {
                let n = POSIX.write(fd, base + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failure = errno; return }
                done += n
            }
        }
        if close(fd) != 0 && failure == nil { failure = errno }
        return failure
    }
}
