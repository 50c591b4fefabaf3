/// A rewrite of a byte stream that looks only a bounded distance ahead, so it can run on the stream piece by
/// piece (`RewriteStage`) and give exactly the bytes it gives on the whole document at once.
protocol ByteRewriter {
    /// How many bytes past a position the rewrite may read to decide what to do there.
    var lookahead: Int { get }

    /// Rewrites `s` from its start into `out` and returns how many bytes of `s` it consumed. Unless `final`, it
    /// stops before the last `lookahead` bytes (a match may continue in the next piece): the caller hands the rest
    /// back at the front of the next call. With `final`, it consumes everything.
    mutating func rewrite(_ s: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) -> Int
}

extension ByteRewriter {
    /// `bytes` rewritten as a whole.
    mutating func rewriteAll(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        _ = bytes.withUnsafeBufferPointer { rewrite($0, final: true, into: &out) }
        return out
    }
}
