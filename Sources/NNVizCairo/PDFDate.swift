/// The fixed PDF creation date, so PDFs do not depend on the clock.
///
/// Cairo 1.16 converts the ISO 8601 metadata value to a PDF date but leaves out the `D:` prefix PDF requires
/// (`/CreationDate (200001010000)`). `fix` rewrites it in place to `(D:2000010100)`, the same instant
/// (omitted fields default to zero) in the same number of bytes, so the xref offsets stay valid.
enum PDFDate {
    /// What cairo is given: 2000-01-01 00:00.
    static let cairoValue = "2000-01-01T00:00"
    private static let written = Array("/CreationDate (200001010000)".utf8)
    private static let corrected = Array("/CreationDate (D:2000010100)".utf8)

    /// Replaces cairo's prefix-less date with the valid one (no-op when absent).
    static func fix(_ pdf: inout [UInt8]) {
        guard pdf.count >= written.count else { return }
        // The info dictionary sits near the end of the file; search backwards.
        var i = pdf.count - written.count
        while i >= 0 {
            if pdf[i] == written[0], pdf[i..<(i + written.count)].elementsEqual(written) {
                pdf.replaceSubrange(i..<(i + written.count), with: corrected)
                return
            }
            i -= 1
        }
    }
}
