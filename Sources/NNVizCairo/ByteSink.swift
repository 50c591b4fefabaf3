import CCairo

/// Hands the bytes a Cairo stream surface (SVG, PDF) gives its write callback to a `ByteStream` as they come.
final class ByteSink {
    let stream: ByteStream

    init(_ stream: ByteStream) { self.stream = stream }

    /// The C callback: `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0, let data {
            sink.stream.write(UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }

    /// The pointer Cairo passes back to `write`; valid while `self` lives.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
