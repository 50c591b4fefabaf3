/// One link of the chain that vector output (SVG, PDF) flows through from Cairo's write callback to memory or to a
/// file: each link takes bytes as they come and passes them on, rewritten or not, holding back only what a rewrite
/// spanning the next piece may still need.
protocol ByteStream: AnyObject {
    /// Takes the next piece of the document.
    func write(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The document is complete: passes on whatever is held back, then finishes the next link.
    func finish()
}
