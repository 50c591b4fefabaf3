import CCairo
import NNVizScene

/// Owns a `cairo_scaled_font_t` for one `Font` (toy face through fontconfig, hint metrics off, identity CTM).
///
/// Cairo's scaled fonts are internally locked, so measuring from several threads is safe.
final class CairoScaledFont: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Ascent and descent in scene units.
    let ascent: Double
    let descent: Double

    init(_ font: Font, options: CairoFontOptions) throws(CairoError) {
        let face = font.family.withCString {
            cairo_toy_font_face_create($0, CAIRO_FONT_SLANT_NORMAL,
                                       font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        defer { cairo_font_face_destroy(face) }
        var matrix = cairo_matrix_t(), ctm = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, font.size, font.size)
        cairo_matrix_init_identity(&ctm)
        pointer = cairo_scaled_font_create(face, &matrix, &ctm, options.pointer)
        let status = cairo_scaled_font_status(pointer)
        var extents = cairo_font_extents_t()
        cairo_scaled_font_extents(pointer, &extents)
        ascent = extents.ascent
        descent = extents.descent
        if status != CAIRO_STATUS_SUCCESS {
            cairo_scaled_font_destroy(pointer)
            throw CairoError(path: "cairo", message: "cannot load font '\(font.family)': \(CairoSurface.reason(status))")
        }
    }

    deinit { cairo_scaled_font_destroy(pointer) }

    /// Advance width of `text` as the painter draws it (`DrawableText.of(text)`).
    func advance(_ text: String) -> Double {
        var e = cairo_text_extents_t()
        DrawableText.of(text).withCString { cairo_scaled_font_text_extents(pointer, $0, &e) }
        return e.x_advance
    }
}
