/// Runs `DocumentInfo.annotate` on the stream: holds the document back until the root `<svg …>` tag is complete,
/// rewrites that prefix, then passes everything after it on unchanged. Cairo writes the root within its first
/// few hundred bytes; a stream with no root in its first MiB is passed on as it is.
struct SVGAnnotation: ByteRewriter {
    let info: DocumentInfo
    private var done = false

    init(_ info: DocumentInfo) { self.info = info }

    var lookahead: Int { 0 }

    mutating func rewrite(_ s: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) -> Int {
        if !done {
            guard let (_, close) = DocumentInfo.root(s) else {
                if !final && s.count < 1 << 20 { return 0 }
                done = true
                out.append(contentsOf: s)
                return s.count
            }
            out.append(contentsOf: info.annotate(svg: Array(s[...close])))
            done = true
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[(close + 1)...]))
            return s.count
        }
        out.append(contentsOf: s)
        return s.count
    }
}
