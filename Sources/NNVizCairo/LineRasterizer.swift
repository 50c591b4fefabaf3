import Dispatch
import NNVizScene

/// Composites many antialiased straight segments straight into an ARGB32 premultiplied pixel buffer.
///
/// The dense-edge fast path: Cairo strokes long antialiased lines one by one (~80 µs each); this draws the same
/// butt-capped lines with box-filter coverage (the exact area of each pixel square inside the line's strip, times
/// the coverage across each end cap) and source-over blending in 8-bit premultiplied ARGB, as pixman does.
/// The canvas is cut into bands of rows small enough to stay in cache; each band draws every segment that
/// reaches it, in order, clipped to its rows, so the result does not depend on how bands are shared among cores.
struct LineRasterizer {
    /// Device pixels per scene unit.
    var scale: Double

    func draw(_ batch: LineBatch, count n: Int, into pixels: UnsafeMutablePointer<UInt32>,
              width: Int, height: Int, stride: Int) {
        guard width > 0, height > 0, n > 0 else { return }
        let canvas = Canvas(pixels: pixels, width: width, height: height, stride: stride)
        var prepared: [PreparedSegment] = []
        prepared.reserveCapacity(n)
        var tables = CoverageTables()
        let c = batch.coordinates
        for i in 0..<n {
            if let p = PreparedSegment(x0: c[4 * i] * scale, y0: c[4 * i + 1] * scale,
                                       x1: c[4 * i + 2] * scale, y1: c[4 * i + 3] * scale,
                                       width: batch.widths[i] * scale, color: batch.colors[i],
                                       canvasWidth: width, canvasHeight: height, tables: &tables) {
                prepared.append(p)
            }
        }
        // ~256 KB of pixels per band: fits in L2 while every segment crossing it is drawn.
        let rowsPerBand = max(8, min(height, 65_536 / max(1, stride)))
        let bands = (height + rowsPerBand - 1) / rowsPerBand
        prepared.withUnsafeBufferPointer { segments in
            tables.storage.withUnsafeBufferPointer { coverage in
                guard let base = coverage.baseAddress else { return }
                let shared = SharedSegments(segments: segments, tables: base)
                DispatchQueue.concurrentPerform(iterations: bands) { band in
                    let rows = (band * rowsPerBand)..<min(height, (band + 1) * rowsPerBand)
                    let low = Double(rows.lowerBound), high = Double(rows.upperBound)
                    guard let first = shared.segments.baseAddress else { return }
                    for i in 0..<shared.segments.count where first[i].yHi >= low && first[i].yLo < high {
                        SegmentWalk.draw(first + i, on: canvas, rows: rows, tables: shared.tables)
                    }
                }
            }
        }
    }
}

/// The prepared segments and their coverage tables, read (never written) by every band.
struct SharedSegments: @unchecked Sendable {
    let segments: UnsafeBufferPointer<PreparedSegment>
    let tables: UnsafePointer<UInt16>
}

/// A pixel buffer shared by the bands (each band writes only its own rows).
struct Canvas: @unchecked Sendable {
    let pixels: UnsafeMutablePointer<UInt32>
    let width: Int
    let height: Int
    /// Row stride in pixels.
    let stride: Int
}
