/// The fixed PDF creation date, so PDFs do not depend on the clock.
///
/// Cairo 1.16 converts the ISO 8601 metadata value to a PDF date but leaves out the `D:` prefix PDF requires
/// (`/CreationDate (200001010000)`). The rewrite makes it `(D:2000010100)`, the same instant (omitted fields
/// default to zero) in the same number of bytes, so the xref offsets stay valid. Runs on the stream
/// (`RewriteStage`); the info dictionary is the only place the exact text occurs (content streams are deflated,
/// and cairo escapes the parentheses of a title).
struct PDFDate: ByteRewriter {
    /// What cairo is given: 2000-01-01 00:00.
    static let cairoValue = "2000-01-01T00:00"
    private static let written = Array("/CreationDate (200001010000)".utf8)
    private static let corrected = Array("/CreationDate (D:2000010100)".utf8)

    var lookahead: Int { Self.written.count }

    /// `pdf` with cairo's prefix-less date replaced by the valid one (unchanged when absent).
    static func fix(_ pdf: [UInt8]) -> [UInt8] {
        var date = PDFDate()
        return date.rewriteAll(pdf)
    }

    func rewrite(_ s: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) -> Int {
        let n = s.count, w = Self.written
        let limit = final ? n - w.count + 1 : n - lookahead
        var i = 0, copied = 0
        while i < limit {
            if s[i] == w[0], UnsafeBufferPointer(rebasing: s[i..<(i + w.count)]).elementsEqual(w) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<i]))
                out.append(contentsOf: Self.corrected)
                i += w.count
                copied = i
                continue
            }
            i += 1
        }
        let end = final ? n : Swift.max(i, copied)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<end]))
        return end
    }
}
