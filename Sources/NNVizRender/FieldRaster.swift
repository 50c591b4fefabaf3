import NNVizEngine
import NNVizScene

/// Turns grid fields into RGBA rasters, averaging blocks down to at most `maxSide` pixels per side.
enum FieldRaster {
    static let maxSide = 2048

    /// `n × n` cells coloured by `color(cell)`, box-averaged when n exceeds the maximum side.
    static func make(n: Int, color: (Int) -> Color) -> Raster {
        let f = (n + maxSide - 1) / maxSide
        let m = (n + f - 1) / f
        var px = [UInt8](repeating: 255, count: m * m * 4)
        for R in 0..<m {
            for C in 0..<m {
                var r = 0.0, g = 0.0, b = 0.0, k = 0.0
                for rr in (R * f)..<Swift.min(n, (R + 1) * f) {
                    for cc in (C * f)..<Swift.min(n, (C + 1) * f) {
                        let c = color(rr * n + cc); r += c.r; g += c.g; b += c.b; k += 1
                    }
                }
                let i = (R * m + C) * 4
                px[i] = UInt8((r / k * 255).rounded()); px[i + 1] = UInt8((g / k * 255).rounded()); px[i + 2] = UInt8((b / k * 255).rounded())
            }
        }
        return Raster(width: m, height: m, pixels: px)
    }
}
