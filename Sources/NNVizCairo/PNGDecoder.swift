import CCairo
import NNVizScene

/// Decodes PNG bytes (through Cairo) into a straight-alpha `Raster`: for tests and for checking written files.
public enum PNGDecoder {
    public static func decode(_ bytes: [UInt8], name: String = "png") throws(CairoError) -> Raster {
        let source = ByteSource(bytes)
        guard let pointer = cairo_image_surface_create_from_png_stream(ByteSource.read, source.closure) else {
            throw CairoError(path: name, message: "cannot decode PNG")
        }
        let surface = CairoSurface(adopting: pointer)
        do {
            try surface.check("cannot decode PNG")
        } catch {
            throw error.at(name)
        }
        let argb: CairoSurface
        if cairo_image_surface_get_format(pointer) == CAIRO_FORMAT_ARGB32 {
            argb = surface
        } else {
            // RGB24 and others: paint onto an ARGB32 surface so pixels share one layout.
            do {
                argb = try CairoSurface.image(width: surface.imageWidth, height: surface.imageHeight)
                let context = try CairoContext(argb)
                cairo_set_source_surface(context.pointer, pointer, 0, 0)
                cairo_paint(context.pointer)
                try context.check("cannot decode PNG")
            } catch {
                throw error.at(name)
            }
        }
        guard let raster = RasterSurface.raster(of: argb) else { throw CairoError(path: name, message: "cannot decode PNG") }
        return raster
    }
}

/// Hands bytes to Cairo's PNG read callback.
final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { data.update(from: base + source.offset, count: n) }
        }
        source.offset += n
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
