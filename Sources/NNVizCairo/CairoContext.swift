import CCairo
import NNVizScene

/// Owns one `cairo_t` drawing on a `CairoSurface`; thin typed wrappers over the calls the painter needs.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface
    private let fontOptions: CairoFontOptions

    init(_ surface: CairoSurface) throws(CairoError) {
        self.surface = surface
        pointer = cairo_create(surface.pointer)
        fontOptions = try CairoFontOptions()
        try check("cannot create context")
        cairo_set_font_options(pointer, fontOptions.pointer)
    }

    deinit { cairo_destroy(pointer) }

    func check(_ what: String) throws(CairoError) {
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(path: "cairo", message: "\(what): \(CairoSurface.reason(status))") }
    }

    // MARK: State

    func save() { cairo_save(pointer) }
    func restore() { cairo_restore(pointer) }
    func translate(_ x: Double, _ y: Double) { cairo_translate(pointer, x, y) }
    func scale(_ x: Double, _ y: Double) { cairo_scale(pointer, x, y) }
    func rotate(radians: Double) { cairo_rotate(pointer, radians) }

    /// Opacities are rounded to multiples of 1/255 when set (PDF output): cairo 1.16's PDF surface keeps one
    /// graphics state per distinct opacity and finds it by linear search, so 109k edges with 109k opacities took
    /// ~18 s; with at most 256 distinct values it is linear. 8-bit opacity is what PNG output has anyway.
    var quantizesOpacity = false

    func setColor(_ c: Color) {
        let a = quantizesOpacity ? (unit(c.a) * 255).rounded() / 255 : unit(c.a)
        cairo_set_source_rgba(pointer, unit(c.r), unit(c.g), unit(c.b), a)
    }

    func setStroke(_ s: Stroke) {
        setColor(s.color)
        cairo_set_line_width(pointer, s.width)
        let dash = s.dash.filter { $0.isFinite && $0 >= 0 }
        if dash.isEmpty || dash.allSatisfy({ $0 == 0 }) {
            cairo_set_dash(pointer, nil, 0, 0)
        } else {
            dash.withUnsafeBufferPointer { cairo_set_dash(pointer, $0.baseAddress, Int32($0.count), 0) }
        }
    }

    // MARK: Paths

    func newPath() { cairo_new_path(pointer) }
    func move(to p: Point) { cairo_move_to(pointer, p.x, p.y) }
    func line(to p: Point) { cairo_line_to(pointer, p.x, p.y) }
    func curve(_ c1: Point, _ c2: Point, _ p: Point) { cairo_curve_to(pointer, c1.x, c1.y, c2.x, c2.y, p.x, p.y) }
    func closePath() { cairo_close_path(pointer) }
    func rectangle(_ r: Rect) { cairo_rectangle(pointer, r.x, r.y, r.width, r.height) }
    func arc(_ c: Point, radius: Double, from a0: Double, to a1: Double) { cairo_arc(pointer, c.x, c.y, radius, a0, a1) }
    func newSubPath() { cairo_new_sub_path(pointer) }

    func fill(preserve: Bool) { preserve ? cairo_fill_preserve(pointer) : cairo_fill(pointer) }
    func stroke() { cairo_stroke(pointer) }
    func paint() { cairo_paint(pointer) }
    func clip() { cairo_clip(pointer) }

    // MARK: Text

    func selectFont(_ font: Font) {
        font.family.withCString {
            cairo_select_font_face(pointer, $0, CAIRO_FONT_SLANT_NORMAL,
                                   font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(pointer, font.size)
    }

    /// Advance width of `text` in the current font, user units (of `DrawableText.of(text)`, what `showText` draws).
    func advance(_ text: String) -> Double {
        var e = cairo_text_extents_t()
        DrawableText.of(text).withCString { cairo_text_extents(pointer, $0, &e) }
        return e.x_advance
    }

    /// Ascent and descent of the current font, user units.
    func fontExtents() -> (ascent: Double, descent: Double) {
        var e = cairo_font_extents_t()
        cairo_font_extents(pointer, &e)
        return (e.ascent, e.descent)
    }

    /// Draws `DrawableText.of(text)`: no control glyphs, no bidi overrides, nothing cut at a NUL.
    func showText(_ text: String) { DrawableText.of(text).withCString { cairo_show_text(pointer, $0) } }

    // MARK: Images

    /// Fills `width` × `height` user units at the origin with `image`, one image pixel per unit.
    func paintImage(_ image: CairoSurface, width: Double, height: Double, nearest: Bool, pad: Bool) {
        cairo_set_source_surface(pointer, image.pointer, 0, 0)
        let pattern = cairo_get_source(pointer)
        cairo_pattern_set_filter(pattern, nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD)
        cairo_pattern_set_extend(pattern, pad ? CAIRO_EXTEND_PAD : CAIRO_EXTEND_NONE)
        cairo_rectangle(pointer, 0, 0, width, height)
        cairo_fill(pointer)
    }

    private func unit(_ v: Double) -> Double { v.isNaN ? 0 : min(1, max(0, v)) }
}
