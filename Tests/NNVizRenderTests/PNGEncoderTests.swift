import NNVizCairo
import NNVizScene
import Testing

/// nnviz writes PNGs itself (`PNGEncoder`); a decoder (libpng, through Cairo) must read back the very pixels painted.
@Suite struct PNGEncoderTests {
    /// `everything()` on a background of `background`, with translucent stripes across the whole width, at 2×:
    /// 400 × 240 pixels, more than one band of rows when opaque (RGB rows of 1,201 bytes, bands of 256 KB).
    private func scene(background: Color) -> Scene {
        var s = CairoTestSupport.everything()
        s.background = background
        for i in 0..<8 {
            s.add(.rect(Rect(x: 0, y: Double(i) * 15, width: 200, height: 7), fill: Color(r: 0.9, g: 0.4, b: 0.1, a: 0.1 + 0.11 * Double(i)),
                        stroke: nil, cornerRadius: 0), role: "stripe")
        }
        return s
    }

    /// The PNG colour type (IHDR byte 9): 2 = RGB, 6 = RGBA.
    private func colourType(_ png: [UInt8]) -> UInt8 { png[25] }

    @Test func opaqueFigureIsRGBAndDecodesToThePaintedPixels() throws {
        let painter = CairoPainter(scale: 2)
        let s = scene(background: .white)
        let png = try painter.render(s, format: .png)
        #expect(Array(png.prefix(16)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        #expect(colourType(png) == 2)
        let decoded = try PNGDecoder.decode(png)
        let painted = try painter.renderPixels(s)
        #expect(decoded.width == 400 && decoded.height == 240)
        #expect(decoded.pixels == painted.pixels)
    }

    @Test func translucentFigureIsRGBAUnpremultipliedAsCairoDoes() throws {
        let painter = CairoPainter(scale: 2)
        let s = scene(background: .clear)
        let png = try painter.render(s, format: .png)
        #expect(colourType(png) == 6)
        let decoded = try PNGDecoder.decode(png)
        let painted = try painter.renderPixels(s)
        // Some pixels really are partly transparent, so the unpremultiplied path is exercised.
        #expect(stride(from: 3, to: painted.pixels.count, by: 4).contains { painted.pixels[$0] > 0 && painted.pixels[$0] < 255 })
        #expect(decoded.pixels == painted.pixels)
    }

    @Test func endsWithAnEmptyIENDChunk() throws {
        let png = try CairoPainter().render(scene(background: .white), format: .png)
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }
}
