import CCairo
import NNVizScene

/// Builds an ARGB32 image surface holding a scene `Raster` (straight RGBA8 → premultiplied 0xAARRGGBB).
enum RasterSurface {
    static func make(_ raster: Raster) throws(CairoError) -> CairoSurface {
        let surface = try CairoSurface.image(width: raster.width, height: raster.height)
        let ok: Void? = surface.withPixels { dst, width, height, stride in
            raster.pixels.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    let row = dst + y * stride
                    var i = y * width * 4
                    for x in 0..<width {
                        let a = UInt32(src[i + 3])
                        let r = premultiply(src[i], a), g = premultiply(src[i + 1], a), b = premultiply(src[i + 2], a)
                        row[x] = (a << 24) | (r << 16) | (g << 8) | b
                        i += 4
                    }
                }
            }
        }
        if ok == nil { throw CairoError(path: "cairo", message: "cannot access image pixels") }
        return surface
    }

    /// The premultiplied surface pixels back as a straight-alpha `Raster`.
    static func raster(of surface: CairoSurface) -> Raster? {
        surface.withPixels { src, width, height, stride in
            var out = [UInt8](repeating: 0, count: width * height * 4)
            for y in 0..<height {
                for x in 0..<width {
                    let p = src[y * stride + x]
                    let a = p >> 24
                    let i = (y * width + x) * 4
                    out[i] = unpremultiply((p >> 16) & 0xFF, a)
                    out[i + 1] = unpremultiply((p >> 8) & 0xFF, a)
                    out[i + 2] = unpremultiply(p & 0xFF, a)
                    out[i + 3] = UInt8(a)
                }
            }
            return Raster(width: width, height: height, pixels: out)
        }
    }

    @inline(__always) private static func premultiply(_ c: UInt8, _ a: UInt32) -> UInt32 {
        let t = UInt32(c) * a + 128
        return (t + (t >> 8)) >> 8
    }

    @inline(__always) static func unpremultiply(_ c: UInt32, _ a: UInt32) -> UInt8 {
        a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
    }
}
