/// Rows of a Cairo ARGB32 canvas as PNG image data: per row the filter byte 0 (None) then RGB when every pixel is
/// opaque, else straight (unpremultiplied) RGBA, as Cairo's own writer stores them. Converted on demand, any rows
/// at a time, straight from the canvas.
struct PixelRows: @unchecked Sendable {
    let pixels: UnsafePointer<UInt32>
    let width: Int
    let stridePixels: Int
    let opaque: Bool
    /// Bytes per converted row: 1 + width × (3 or 4).
    let rowBytes: Int

    /// Writes `rows` (their `rowBytes` each, back to back) to `out`.
    func write(rows: Range<Int>, into out: UnsafeMutablePointer<UInt8>) {
        for y in rows {
            let row = pixels + y * stridePixels
            var o = out + (y - rows.lowerBound) * rowBytes
            o.pointee = 0
            o += 1
            if opaque {
                for x in 0..<width {
                    let p = row[x]
                    o[0] = UInt8(truncatingIfNeeded: p >> 16)
                    o[1] = UInt8(truncatingIfNeeded: p >> 8)
                    o[2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            } else {
                for x in 0..<width {
                    let p = row[x], a = p >> 24
                    if a == 0xFF {
                        o[0] = UInt8(truncatingIfNeeded: p >> 16)
                        o[1] = UInt8(truncatingIfNeeded: p >> 8)
                        o[2] = UInt8(truncatingIfNeeded: p)
                    } else {
                        o[0] = RasterSurface.unpremultiply((p >> 16) & 0xFF, a)
                        o[1] = RasterSurface.unpremultiply((p >> 8) & 0xFF, a)
                        o[2] = RasterSurface.unpremultiply(p & 0xFF, a)
                    }
                    o[3] = UInt8(a)
                    o += 4
                }
            }
        }
    }
}
