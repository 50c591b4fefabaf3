#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem
import NNVizEngine

/// The one way nnviz writes to standard output: bytes gathered in a buffer and handed to POSIX `write` on fd 1,
/// every result checked.
///
/// `print` goes through stdio, whose buffer is flushed at exit with no one to hear it fail, so `nnviz … > /dev/full`
/// used to exit 0. Here a failed write throws `error: standard output: cannot write: <reason>` (exit 1); a reader
/// that went away (`nnviz forward … | head`) ends the process quietly by SIGPIPE, as other Unix tools do.
/// Callers `flush()` before they finish; nothing is written behind their back at exit.
struct StandardOutput {
    /// Bytes gathered before a `write` call.
    static let bufferSize = 1 << 16

    private var buffer: [UInt8] = []
    private let fd: Int32

    init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Adds `text`; writes the buffer out once it holds `bufferSize` bytes.
    mutating func write(_ text: String) throws(NNVizError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes everything gathered so far, retrying short writes and interrupted calls.
    mutating func flush() throws(NNVizError) {
        var done = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return 0 }
                return POSIX.write(fd, base + done, raw.count - done)
            }
            if n > 0 { done += n; continue }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                // A non-blocking stdout that is full: wait until it takes more.
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, -1)
                continue
            }
            if code == EPIPE { Self.endQuietly() }
            throw NNVizError("standard output", "", "cannot write: \(String(cString: strerror(code)))")
        }
    }

    /// Ends the process as a write to a closed pipe does by default: by SIGPIPE (exit 141 if it is caught elsewhere).
    private static func endQuietly() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(141)
    }

    /// Makes sure fds 0, 1 and 2 are open before any file is: a closed one gets `/dev/null` opened read-only, so
    /// a later `open` cannot land on fd 1 (and have the tables written into a figure), and a write to a closed
    /// stdout still fails (`Bad file descriptor`) instead of vanishing.
    static func reserveStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
        }
    }
}
