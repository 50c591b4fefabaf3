/// The end of a vector output chain that keeps the document in memory (`CairoPainter.render`).
final class MemoryStream: ByteStream {
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }

    func finish() {}
}
