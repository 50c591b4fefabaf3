import NNVizScene

/// Block-averaging of a raster that is larger than Cairo can hold as an image (32767 pixels a side), e.g. a
/// heatmap of 50,000 samples drawn one row per sample. The frame it fills is at most 20,000 px, so nothing
/// visible is lost; colours are averaged weighted by alpha, in integers, so output stays byte-deterministic.
enum RasterDownscale {
    /// Cairo's largest image side.
    static let cairoMaxSide = 32_767

    /// `raster` itself when it fits, else averaged over whole blocks of `⌈width / 32767⌉ × ⌈height / 32767⌉`.
    static func withinCairoLimit(_ raster: Raster) -> Raster {
        let kx = (raster.width + cairoMaxSide - 1) / cairoMaxSide, ky = (raster.height + cairoMaxSide - 1) / cairoMaxSide
        guard kx > 1 || ky > 1 else { return raster }
        let w = (raster.width + kx - 1) / kx, h = (raster.height + ky - 1) / ky
        var out = [UInt8](repeating: 0, count: w * h * 4)
        let src = raster.pixels
        for by in 0..<h {
            for bx in 0..<w {
                var r = 0, g = 0, b = 0, a = 0, n = 0
                for y in (by * ky)..<min(raster.height, (by + 1) * ky) {
                    for x in (bx * kx)..<min(raster.width, (bx + 1) * kx) {
                        let i = (y * raster.width + x) * 4, alpha = Int(src[i + 3])
                        r += Int(src[i]) * alpha; g += Int(src[i + 1]) * alpha; b += Int(src[i + 2]) * alpha
                        a += alpha; n += 1
                    }
                }
                let d = (by * w + bx) * 4
                if a > 0 {
                    out[d] = UInt8((r + a / 2) / a); out[d + 1] = UInt8((g + a / 2) / a); out[d + 2] = UInt8((b + a / 2) / a)
                }
                out[d + 3] = UInt8((a + n / 2) / n)
            }
        }
        return Raster(width: w, height: h, pixels: out)
    }
}
