#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem
import Foundation

/// A one-line progress bar on stderr (`[██████░░░░]  5/12 figures`), drawn only when stderr is a terminal and
/// not silenced; safe to advance from several threads.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let unit: String
    private let enabled: Bool
    private var done = 0
    private let lock = NSLock()

    init(total: Int, unit: String, quiet: Bool) {
        self.total = max(total, 1)
        self.unit = unit
        self.enabled = !quiet && isatty(2) == 1
        draw()
    }

    /// Counts one more unit of work done.
    func advance() {
        lock.lock()
        done = min(done + 1, total)
        lock.unlock()
        draw()
    }

    /// Sets how many units are done (for work that reports its own count).
    func update(_ count: Int) {
        lock.lock()
        done = min(max(count, 0), total)
        lock.unlock()
        draw()
    }

    /// Clears the bar so the next line starts clean.
    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        ProgressBar.write("\r\u{1B}[2K")
    }

    private func draw() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let width = 28
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let count = String(repeating: " ", count: max(0, String(total).count - String(done).count)) + "\(done)/\(total)"
        ProgressBar.write("\r[\(bar)] \(count) \(unit)")
    }

    /// Writes to fd 2 with POSIX `write`, ignoring failures: the bar is decoration, and `FileHandle.write` traps
    /// when the write fails (a terminal that hung up).
    private static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in raw.baseAddress.map { POSIX.write(2, $0 + done, raw.count - done) } ?? -1 }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}
