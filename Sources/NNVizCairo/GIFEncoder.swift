import CGif
import NNVizScene

/// Writes opaque frames of one size as a looping animated GIF through giflib: one shared palette
/// (`GIFPalette`), no dithering, and each frame after the first stored as the rectangle that changed (the rest
/// left from the frame before), so the bytes follow from the pixels alone.
public enum GIFEncoder {
    /// The animation of `frames` (all the same size), showing frame `i` for `delays[i]` hundredths of a second,
    /// looping forever.
    public static func encode(_ frames: [Raster], delays: [Int]) throws(CairoError) -> [UInt8] {
        guard let first = frames.first, frames.allSatisfy({ $0.width == first.width && $0.height == first.height }),
              delays.count == frames.count, first.width <= 65_535, first.height <= 65_535 else {
            throw CairoError(path: "gif", message: "frames must share one size (at most 65535 px a side), one delay each")
        }
        let palette = GIFPalette(frames: frames)
        let sink = GIFSink()
        let box = Unmanaged.passRetained(sink)
        defer { box.release() }
        var error: Int32 = 0
        guard let gif = EGifOpen(box.toOpaque(), { file, bytes, count in
            guard let file, let bytes, count > 0, let user = file.pointee.UserData else { return 0 }
            Unmanaged<GIFSink>.fromOpaque(user).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
            return count
        }, &error) else {
            throw CairoError(path: "gif", message: "giflib cannot start a file: \(Self.message(error))")
        }
        var closed = false
        defer { if !closed { EGifCloseFile(gif, &error) } }
        func check(_ status: Int32, _ what: String) throws(CairoError) {
            guard status == GIF_OK else {
                throw CairoError(path: "gif", message: "giflib cannot write the \(what): \(Self.message(gif.pointee.Error))")
            }
        }
        EGifSetGifVersion(gif, true)
        var colors = [GifColorType](repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: 256)
        for (i, c) in palette.colors.enumerated() {
            colors[i] = GifColorType(Red: UInt8(c >> 16 & 0xFF), Green: UInt8(c >> 8 & 0xFF), Blue: UInt8(c & 0xFF))
        }
        guard let map = GifMakeMapObject(256, &colors) else { throw CairoError(path: "gif", message: "giflib cannot make the palette") }
        defer { GifFreeMapObject(map) }
        try check(EGifPutScreenDesc(gif, Int32(first.width), Int32(first.height), 8, 0, map), "screen")
        // NETSCAPE2.0: loop forever.
        try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "loop extension")
        var app = Array("NETSCAPE2.0".utf8)
        try check(EGifPutExtensionBlock(gif, 11, &app), "loop extension")
        var loop: [UInt8] = [1, 0, 0]
        try check(EGifPutExtensionBlock(gif, 3, &loop), "loop extension")
        try check(EGifPutExtensionTrailer(gif), "loop extension")

        let w = first.width
        var previous: [UInt8]? = nil
        for (k, frame) in frames.enumerated() {
            let indices = palette.indices(of: frame)
            let rect = previous.map { Self.changed($0, indices, width: w, height: frame.height) } ?? (x: 0, y: 0, w: w, h: frame.height)
            previous = indices
            var gcb = GraphicsControlBlock(DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
                                           DelayTime: Int32(Swift.min(65_535, Swift.max(0, delays[k]))), TransparentColor: NO_TRANSPARENT_COLOR)
            var ext = [GifByteType](repeating: 0, count: 4)
            _ = EGifGCBToExtension(&gcb, &ext)
            try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, ext), "frame timing")
            try check(EGifPutImageDesc(gif, Int32(rect.x), Int32(rect.y), Int32(rect.w), Int32(rect.h), false, nil), "frame")
            var row = [GifPixelType](repeating: 0, count: rect.w)
            for y in rect.y..<(rect.y + rect.h) {
                for x in 0..<rect.w { row[x] = indices[y * w + rect.x + x] }
                try check(EGifPutLine(gif, &row, Int32(rect.w)), "frame")
            }
        }
        closed = true
        guard EGifCloseFile(gif, &error) == GIF_OK else {
            throw CairoError(path: "gif", message: "giflib cannot finish the file: \(Self.message(error))")
        }
        return sink.bytes
    }

    /// The smallest rectangle holding every pixel that differs between two frames (one pixel when none does).
    static func changed(_ a: [UInt8], _ b: [UInt8], width: Int, height: Int) -> (x: Int, y: Int, w: Int, h: Int) {
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        for y in 0..<height {
            let base = y * width
            for x in 0..<width where a[base + x] != b[base + x] {
                x0 = Swift.min(x0, x); x1 = Swift.max(x1, x); y0 = Swift.min(y0, y); y1 = Swift.max(y1, y)
            }
        }
        return x1 < 0 ? (0, 0, 1, 1) : (x0, y0, x1 - x0 + 1, y1 - y0 + 1)
    }

    static func message(_ code: Int32) -> String {
        GifErrorString(code).map { String(cString: $0) } ?? "error \(code)"
    }
}

/// The bytes giflib hands back, collected in memory.
private final class GIFSink {
    var bytes: [UInt8] = []
}
