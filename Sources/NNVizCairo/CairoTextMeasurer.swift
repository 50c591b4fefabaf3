import Foundation
import NNVizScene

/// Measures text exactly as `CairoPainter` draws it (same toy font faces, hint metrics off), in scene units.
///
/// Caches one scaled font per `Font`; safe to share between threads (the cache is behind a lock and Cairo's
/// scaled fonts lock themselves). Width is the advance width; ascent and descent are the font's, not the ink's.
public final class CairoTextMeasurer: TextMeasurer, @unchecked Sendable {
    private let lock = NSLock()
    private var fonts: [Font: CairoScaledFont] = [:]
    private let options: CairoFontOptions?

    public init() {
        options = try? CairoFontOptions()
    }

    public func measure(_ text: String, font: Font) -> TextExtent {
        guard font.size.isFinite, font.size > 0, let scaled = scaledFont(font) else {
            return TextExtent(width: 0, ascent: 0, descent: 0)
        }
        return TextExtent(width: text.isEmpty ? 0 : scaled.advance(text), ascent: scaled.ascent, descent: scaled.descent)
    }

    private func scaledFont(_ font: Font) -> CairoScaledFont? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = fonts[font] { return cached }
        guard let options, let made = try? CairoScaledFont(font, options: options) else { return nil }
        fonts[font] = made
        return made
    }
}
