import CCairo
import NNVizScene

/// Owns one `cairo_surface_t`: an ARGB32 image, or an SVG/PDF document streamed into a `ByteStream`.
///
/// Not `Sendable`: keep each surface inside one task. Destroyed in `deinit`.
final class CairoSurface {
    let pointer: OpaquePointer
    /// Receives SVG/PDF bytes; kept alive as long as the surface may write to it.
    let sink: ByteSink?

    private init(pointer: OpaquePointer, sink: ByteSink?) throws(CairoError) {
        self.pointer = pointer
        self.sink = sink
        try check("cannot create surface")
    }

    /// Takes ownership of a surface Cairo created elsewhere (e.g. decoded from PNG).
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
        self.sink = nil
    }

    deinit { cairo_surface_destroy(pointer) }

    /// A transparent ARGB32 image of `width` × `height` pixels.
    static func image(width: Int, height: Int) throws(CairoError) -> CairoSurface {
        try CairoSurface(pointer: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)), sink: nil)
    }

    /// An SVG document in px units, `width` × `height` px, written into `stream`.
    static func svg(width: Double, height: Double, into stream: ByteStream) throws(CairoError) -> CairoSurface {
        let sink = ByteSink(stream)
        let s = try CairoSurface(pointer: cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, width, height), sink: sink)
        cairo_svg_surface_set_document_unit(s.pointer, CAIRO_SVG_UNIT_PX)
        return s
    }

    /// A one-page PDF document of `width` × `height` points, with a fixed creation date (see `PDFDate`).
    /// Its title, subject (the alt text) and creator come from `info`. Written into `stream`.
    static func pdf(width: Double, height: Double, info: DocumentInfo = DocumentInfo(), into stream: ByteStream) throws(CairoError) -> CairoSurface {
        let sink = ByteSink(stream)
        let s = try CairoSurface(pointer: cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height), sink: sink)
        cairo_pdf_surface_set_metadata(s.pointer, CAIRO_PDF_METADATA_CREATE_DATE, PDFDate.cairoValue)
        cairo_pdf_surface_set_metadata(s.pointer, CAIRO_PDF_METADATA_CREATOR, DocumentInfo.creator)
        if !info.title.isEmpty { cairo_pdf_surface_set_metadata(s.pointer, CAIRO_PDF_METADATA_TITLE, DrawableText.of(info.title)) }
        if !info.description.isEmpty {
            cairo_pdf_surface_set_metadata(s.pointer, CAIRO_PDF_METADATA_SUBJECT, DrawableText.of(info.description))
        }
        return s
    }

    /// Throws `what` plus Cairo's reason when the surface is in an error state.
    func check(_ what: String) throws(CairoError) {
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(path: "cairo", message: "\(what): \(CairoSurface.reason(status))") }
    }

    /// Completes an SVG/PDF document: Cairo writes what it still holds, then the stream passes on the rest.
    func finishDocument() throws(CairoError) {
        cairo_surface_finish(pointer)
        try check("cannot finish document")
        sink?.stream.finish()
    }

    /// The image surface encoded as PNG (by `PNGEncoder`: the pixels Cairo's writer would store, encoded faster),
    /// at `dpi` pixels an inch.
    func pngBytes(dpi: Double = 72) throws(CairoError) -> [UInt8] {
        let encoded: Result<[UInt8], CairoError>? = withPixels { pixels, width, height, stride in
            do throws(CairoError) {
                return .success(try PNGEncoder.encode(pixels, width: width, height: height, stridePixels: stride, dpi: dpi))
            } catch {
                return .failure(error)
            }
        }
        guard let encoded else { throw CairoError(path: "cairo", message: "cannot encode PNG: cannot access image pixels") }
        return try encoded.get()
    }

    /// Cairo's text for a status code.
    static func reason(_ status: cairo_status_t) -> String {
        guard let s = cairo_status_to_string(status) else { return "status \(status.rawValue)" }
        return String(cString: s)
    }

    // MARK: Image pixels

    var imageWidth: Int { Int(cairo_image_surface_get_width(pointer)) }
    var imageHeight: Int { Int(cairo_image_surface_get_height(pointer)) }

    /// Runs `body` on the ARGB32 premultiplied pixels (native-endian 0xAARRGGBB) with the row stride in pixels.
    /// Flushes before and marks the surface dirty after, so Cairo sees the changes.
    func withPixels<R>(_ body: (UnsafeMutablePointer<UInt32>, _ width: Int, _ height: Int, _ stridePixels: Int) -> R) -> R? {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(pointer)) / 4
        let result = data.withMemoryRebound(to: UInt32.self, capacity: stride * imageHeight) {
            body($0, imageWidth, imageHeight, stride)
        }
        cairo_surface_mark_dirty(pointer)
        return result
    }
}
