/// Runs a `ByteRewriter` on a stream: collects pieces until `chunk` bytes are held, rewrites them, passes the
/// output on and keeps the unconsumed tail (at most the rewriter's lookahead, or what it waits for) for the next
/// round. Memory stays at about two chunks however long the document is.
final class RewriteStage<Rewriter: ByteRewriter>: ByteStream {
    private var rewriter: Rewriter
    private let next: ByteStream
    private let chunk: Int
    private var pending: [UInt8] = []
    /// Rewrite when this many bytes are held: a chunk more than the rewriter left unconsumed last time.
    private var threshold: Int
    private var out: [UInt8] = []

    init(_ rewriter: Rewriter, next: ByteStream, chunk: Int = 1 << 16) {
        self.rewriter = rewriter
        self.next = next
        self.chunk = Swift.max(chunk, 2 * rewriter.lookahead)
        threshold = self.chunk
        pending.reserveCapacity(self.chunk + 4096)
        out.reserveCapacity(self.chunk + 4096)
    }

    /// Cairo hands over small pieces while drawing but a whole page (megabytes) at once when it finishes: both are
    /// taken at most a chunk at a time.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            let n = Swift.min(bytes.count - start, threshold - pending.count)
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + n)]))
            start += n
            if pending.count >= threshold { run(final: false) }
        }
    }

    func finish() {
        run(final: true)
        next.finish()
    }

    private func run(final: Bool) {
        out.removeAll(keepingCapacity: true)
        let consumed = pending.withUnsafeBufferPointer { rewriter.rewrite($0, final: final, into: &out) }
        pending.removeSubrange(0..<consumed)
        threshold = pending.count + chunk
        if !out.isEmpty { out.withUnsafeBufferPointer { next.write($0) } }
    }
}
