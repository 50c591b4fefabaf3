import CCairo

/// Owns a `cairo_font_options_t` with hint metrics off, so text measures the same on every surface.
final class CairoFontOptions {
    let pointer: OpaquePointer

    init() throws(CairoError) {
        pointer = cairo_font_options_create()
        let status = cairo_font_options_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            throw CairoError(path: "cairo", message: "cannot create font options: \(CairoSurface.reason(status))")
        }
        cairo_font_options_set_hint_metrics(pointer, CAIRO_HINT_METRICS_OFF)
    }

    deinit { cairo_font_options_destroy(pointer) }
}
