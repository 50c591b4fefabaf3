import CZlibBinding
import Dispatch

/// nnviz's PNG writer for Cairo ARGB32 pixels: the pixels Cairo's own writer stores (RGB when every pixel is opaque,
/// else straight RGBA unpremultiplied as Cairo does), deflated in fixed bands of rows on every core. Byte-deterministic.
///
/// Every row uses filter None: nnviz's figures are flat colour, where None compresses better than Sub, Up or libpng's
/// per-row choice, and costs nothing to compute.
enum PNGEncoder {
    /// zlib level. On the gallery and bench figures (13 files) filter None gives 3.94 MB at level 1, 3.82 MB at 3,
    /// 3.65 MB at 4 and 3.52 MB at 6, against 3.71 MB from Cairo's writer (level 6, adaptive filters). Levels 1–3 take
    /// about half the time of 6 but make some figures 65–75 % larger than Cairo's (flat fields and cells compress far
    /// better with lazy matching); at 6 the largest growth is 25 % and most files shrink.
    static let level: Int32 = 6
    /// Raw bytes per band, compressed independently (each primed with the 32 KB before it), so the output depends on
    /// the image alone, never on the number of cores.
    static let bandBytes = 256 * 1024

    /// The PNG file of `height` rows of `width` premultiplied native-endian 0xAARRGGBB pixels, `stridePixels` apart,
    /// carrying its resolution (`pHYs`, `dpi` pixels an inch) so it is placed at its intended size.
    ///
    /// The filtered image data is never held whole: each band converts just its rows (and the 32 KB before them,
    /// its dictionary) from the canvas itself, so memory is the canvas plus a few bands and the compressed output.
    static func encode(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stridePixels: Int,
                       dpi: Double = 72) throws(CairoError) -> [UInt8] {
        let opaque = isOpaque(pixels, width: width, height: height, stridePixels: stridePixels)
        let rowBytes = 1 + width * (opaque ? 3 : 4)
        let source = PixelRows(pixels: pixels, width: width, stridePixels: stridePixels, opaque: opaque, rowBytes: rowBytes)
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        append32(&header, UInt32(width))
        append32(&header, UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits a channel, RGB or RGBA, deflate, filter set 0, no interlace
        chunk(&out, "IHDR", header)
        chunk(&out, "bKGD", [0, 255, 0, 255, 0, 255])  // white, as Cairo writes
        var phys: [UInt8] = []
        let perMetre = UInt32((dpi / 0.0254).rounded())
        append32(&phys, perMetre)
        append32(&phys, perMetre)
        phys.append(1)  // unit: the metre
        chunk(&out, "pHYs", phys)
        // One IDAT chunk, its data deflated straight into `out` (no second copy of the image data), then its
        // length and CRC filled in.
        let lengthAt = out.count
        append32(&out, 0)
        let typeAt = out.count
        out += Array("IDAT".utf8)
        try zlibStream(source, total: rowBytes * height, into: &out)
        let length = UInt32(out.count - typeAt - 4)
        out.withUnsafeMutableBufferPointer { b in
            for i in 0..<4 { b[lengthAt + i] = UInt8(truncatingIfNeeded: length >> (24 - 8 * i)) }
        }
        let crc = out[typeAt...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        append32(&out, UInt32(truncatingIfNeeded: crc))
        chunk(&out, "IEND", [])
        return out
    }

    /// Whether every pixel is opaque (then rows are stored as RGB).
    static func isOpaque(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stridePixels: Int) -> Bool {
        for y in 0..<height {
            let row = pixels + y * stridePixels
            for x in 0..<width where row[x] < 0xFF00_0000 { return false }
        }
        return true
    }

    /// The filtered image data: per row the filter byte 0 then RGB (all opaque) or unpremultiplied RGBA bytes.
    static func scanlines(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stridePixels: Int) -> [UInt8] {
        let opaque = isOpaque(pixels, width: width, height: height, stridePixels: stridePixels)
        let rowBytes = 1 + width * (opaque ? 3 : 4)
        let source = PixelRows(pixels: pixels, width: width, stridePixels: stridePixels, opaque: opaque, rowBytes: rowBytes)
        return [UInt8](unsafeUninitializedCapacity: rowBytes * height) { buffer, count in
            guard let base = buffer.baseAddress else { count = 0; return }
            source.write(rows: 0..<height, into: base)
            count = rowBytes * height
        }
    }

    /// Appends the image data of `source` (`total` bytes, whole rows) to `out` as one zlib stream: a header, the
    /// bands' raw-deflate pieces (each ended by a sync flush, the last by the final block) and the Adler-32 of all the
    /// data, combined from the bands'. Bands are whole rows, converted and compressed concurrently.
    static func zlibStream(_ source: PixelRows, total: Int, into out: inout [UInt8]) throws(CairoError) {
        let rowBytes = source.rowBytes
        let bandLength = Swift.max(1, bandBytes / Swift.max(1, rowBytes)) * Swift.max(1, rowBytes)
        let bands = Swift.max(1, (total + bandLength - 1) / bandLength)
        let results = BandResults(count: bands)
        Parallel.forEach(bands) { band in
            let start = band * bandLength
            let end = Swift.min(total, start + bandLength)
            // The rows holding the band and the 32 KB dictionary before it.
            let from = start - Swift.min(start, 32 * 1024)
            let firstRow = from / rowBytes, endRow = (end + rowBytes - 1) / rowBytes
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(1, (endRow - firstRow) * rowBytes))
            defer { buffer.deallocate() }
            source.write(rows: firstRow..<endRow, into: buffer)
            let offset = firstRow * rowBytes
            let input = UnsafeBufferPointer(start: buffer + (from - offset), count: end - from)
            let piece = deflateBand(input, start: start - from, end: end - from, last: band == bands - 1)
            let adler = UInt32(truncatingIfNeeded: adler32(1, buffer + (start - offset), UInt32(end - start)))
            results.set(band, piece, adler: adler, length: end - start)
        }
        let flevel: UInt8 = level < 2 ? 0x01 : level < 6 ? 0x5E : level == 6 ? 0x9C : 0xDA
        // Sized once (no doubling copy; room for the chunk's CRC and IEND too), and each band's piece released as
        // soon as it is copied, so the pieces and the stream are never both held whole (tens of MB at --scale 8).
        out.reserveCapacity(out.count + 2 + results.totalBytes + 4 + 16)
        out += [0x78, flevel]
        var adler: UInt = 1
        for band in 0..<bands {
            guard let piece = results.take(band) else { throw CairoError(path: "cairo", message: "cannot encode PNG: zlib failed") }
            out += piece
            adler = adler32_combine(adler, UInt(results.adler(band)), Int(results.length(band)))
        }
        append32(&out, UInt32(truncatingIfNeeded: adler))
    }

    /// Raw deflate of `input[start..<end]`, primed with up to 32 KB before `start`; nil when zlib fails.
    static func deflateBand(_ input: UnsafeBufferPointer<UInt8>, start: Int, end: Int, last: Bool) -> [UInt8]? {
        guard let base = input.baseAddress else { return last ? [0x03, 0x00] : [] }
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let dictionary = Swift.min(start, 32 * 1024)
        if dictionary > 0,
           deflateSetDictionary(&stream, base + (start - dictionary), UInt32(dictionary)) != Z_OK { return nil }
        let capacity = Int(deflateBound(&stream, UInt(end - start))) + 16
        var ok = true
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            stream.next_in = UnsafeMutablePointer(mutating: base + start)
            stream.avail_in = UInt32(end - start)
            stream.next_out = buffer.baseAddress
            stream.avail_out = UInt32(capacity)
            let status = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            ok = status == (last ? Z_STREAM_END : Z_OK) && stream.avail_in == 0
            count = ok ? capacity - Int(stream.avail_out) : 0
        }
        return ok ? out : nil
    }

    /// Appends a chunk: length, type, data and the CRC-32 of type and data.
    static func chunk(_ out: inout [UInt8], _ type: String, _ data: [UInt8]) {
        append32(&out, UInt32(data.count))
        let start = out.count
        out += Array(type.utf8)
        out += data
        let crc = out[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        append32(&out, UInt32(truncatingIfNeeded: crc))
    }

    static func append32(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }
}

/// The raw image data and one result slot per band; each worker writes only its own slot.
/// Each band's compressed piece, the Adler-32 of its data and that data's length, written by its own task only.
private final class BandResults: @unchecked Sendable {
    private var pieces: [[UInt8]?]
    private var adlers: [UInt32]
    private var lengths: [Int]

    init(count: Int) {
        pieces = Array(repeating: nil, count: count)
        adlers = Array(repeating: 1, count: count)
        lengths = Array(repeating: 0, count: count)
    }

    func set(_ band: Int, _ piece: [UInt8]?, adler: UInt32, length: Int) {
        pieces.withUnsafeMutableBufferPointer { $0[band] = piece }
        adlers.withUnsafeMutableBufferPointer { $0[band] = adler }
        lengths.withUnsafeMutableBufferPointer { $0[band] = length }
    }

    /// The band's compressed piece, removed from the results (nil when zlib failed).
    func take(_ band: Int) -> [UInt8]? {
        let piece = pieces[band]
        pieces[band] = nil
        return piece
    }

    /// The compressed pieces' bytes together.
    var totalBytes: Int { pieces.reduce(0) { $0 + ($1?.count ?? 0) } }
    func adler(_ band: Int) -> UInt32 { adlers[band] }
    func length(_ band: Int) -> Int { lengths[band] }
}
