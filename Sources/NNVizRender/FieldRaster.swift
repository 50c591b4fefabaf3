import Dispatch
import NNVizEngine
import NNVizScene

/// Turns grid fields into RGBA rasters, averaging blocks down to at most `maxSide` pixels per side.
enum FieldRaster {
    static let maxSide = 2048

    /// `n × n` cells coloured by `color(cell)`, box-averaged when n exceeds the maximum side. Bands of rows are
    /// coloured on every core, so `color` is called concurrently and must only read. Inlined so `color` is too.
    @inline(__always)
    static func make(n: Int, color: @Sendable (Int) -> Color) -> Raster {
        let f = (n + maxSide - 1) / maxSide
        let m = (n + f - 1) / f
        var px = [UInt8](repeating: 255, count: m * m * 4)
        let bandRows = Swift.max(1, 16_384 / m)
        let bands = (m + bandRows - 1) / bandRows
        px.withUnsafeMutableBufferPointer { buffer in
            let out = PixelBuffer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                guard let base = out.base else { return }
                for R in (band * bandRows)..<Swift.min(m, (band + 1) * bandRows) {
                    if f == 1 {
                        // One cell a pixel: the average below with k = 1 (r / 1 == r exactly), without the divisions.
                        for C in 0..<m {
                            let c = color(R * n + C), i = (R * m + C) * 4
                            base[i] = byte(c.r * 255); base[i + 1] = byte(c.g * 255); base[i + 2] = byte(c.b * 255)
                        }
                        continue
                    }
                    for C in 0..<m {
                        var r = 0.0, g = 0.0, b = 0.0, k = 0.0
                        for rr in (R * f)..<Swift.min(n, (R + 1) * f) {
                            for cc in (C * f)..<Swift.min(n, (C + 1) * f) {
                                let c = color(rr * n + cc); r += c.r; g += c.g; b += c.b; k += 1
                            }
                        }
                        let i = (R * m + C) * 4
                        base[i] = byte(r / k * 255); base[i + 1] = byte(g / k * 255); base[i + 2] = byte(b / k * 255)
                    }
                }
            }
        }
        return Raster(width: m, height: m, pixels: px)
    }

    /// `UInt8(x.rounded())` for 0 ≤ x ≤ 255 (halves away from zero), without a call into libm: `x − ⌊x⌋` is exact.
    @inline(__always)
    static func byte(_ x: Double) -> UInt8 {
        let i = Int(x)
        return UInt8(clamping: x - Double(i) >= 0.5 ? i + 1 : i)
    }
}

/// The raster's pixels, shared by the bands of `FieldRaster.make`; each band writes only its own rows.
private struct PixelBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>?
}
