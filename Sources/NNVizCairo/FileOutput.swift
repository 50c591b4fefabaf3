#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem

/// The end of a vector output chain that writes into an open file (`AtomicFile`'s temporary file) through a
/// 256 KiB buffer. The first failed write is kept in `error` (an `errno` code) and every later byte is dropped;
/// `AtomicFile` then removes the file and reports it.
final class FileOutput: ByteStream {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 18
    /// The `errno` of the first write that failed, if any.
    private(set) var error: Int32?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.capacity)
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard error == nil else { return }
        if buffer.count + bytes.count > Self.capacity { flush() }
        if bytes.count >= Self.capacity {
            put(UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func finish() { flush() }

    private func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { put($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = POSIX.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                error = errno
                return
            }
            offset += n
        }
    }
}
