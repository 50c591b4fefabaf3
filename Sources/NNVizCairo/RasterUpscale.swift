import NNVizScene

/// Nearest-neighbour enlargement of a raster by whole factors, for crisp cells in vector output.
enum RasterUpscale {
    /// Largest image side produced (keeps files small; beyond this cells are already many pixels wide).
    static let maxSide = 2048

    /// The raster enlarged so each cell spans about as many image pixels as the frame gives it scene units
    /// (at least 1×; never beyond `maxSide`).
    static func forVector(_ raster: Raster, frame: Rect) -> Raster {
        let fx = Int((frame.width / Double(raster.width)).rounded(.down))
        let fy = Int((frame.height / Double(raster.height)).rounded(.down))
        let kx = max(1, min(fx, maxSide / max(1, raster.width)))
        let ky = max(1, min(fy, maxSide / max(1, raster.height)))
        guard kx > 1 || ky > 1 else { return raster }
        let w = raster.width * kx, h = raster.height * ky
        var out = [UInt8](repeating: 0, count: w * h * 4)
        raster.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let sy = y / ky
                    for x in 0..<w {
                        let s = (sy * raster.width + x / kx) * 4, d = (y * w + x) * 4
                        dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]; dst[d + 3] = src[s + 3]
                    }
                }
            }
        }
        return Raster(width: w, height: h, pixels: out)
    }
}
