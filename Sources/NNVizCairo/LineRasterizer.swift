import Dispatch
import NNVizScene

/// Composites many antialiased straight segments straight into an ARGB32 premultiplied pixel buffer.
///
/// The PNG line path: Cairo strokes long antialiased lines one by one (~80 µs each); this draws the same
/// butt-capped lines with box-filter coverage (the exact area of each pixel square inside the line's strip, times
/// the coverage across each end cap) and source-over blending in 8-bit premultiplied ARGB, as pixman does.
/// Segments are prepared in fixed chunks shared among the cores, then the canvas is cut into bands of rows small
/// enough to stay in cache; each band draws every segment that reaches it, in order, clipped to its rows, so the
/// result does not depend on how chunks and bands are shared among cores.
struct LineRasterizer {
    /// Device pixels per scene unit.
    var scale: Double
    /// Segments prepared per task.
    static let chunk = 4_096

    func draw(_ batch: LineBatch, count n: Int, into pixels: UnsafeMutablePointer<UInt32>,
              width: Int, height: Int, stride: Int) {
        guard width > 0, height > 0, n > 0 else { return }
        let canvas = Canvas(pixels: pixels, width: width, height: height, stride: stride)
        var prepared = prepare(batch, count: n, width: width, height: height)
        var tables = CoverageTables()
        let keys = prepared.map(\.tableKey)
        let placed = keys.withUnsafeBufferPointer { tables.place($0) }
        for i in prepared.indices {
            if let p = placed[prepared[i].tableKey] { (prepared[i].table, prepared[i].tableLast) = p }
        }
        // ~256 KB of pixels per band: fits in L2 while every segment crossing it is drawn.
        let rowsPerBand = max(8, min(height, 65_536 / max(1, stride)))
        let bands = (height + rowsPerBand - 1) / rowsPerBand
        prepared.withUnsafeBufferPointer { segments in
            tables.storage.withUnsafeBufferPointer { coverage in
                guard let base = coverage.baseAddress else { return }
                let shared = SharedSegments(segments: segments, tables: base)
                Parallel.forEach(bands) { band in
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

    /// The drawable segments of the batch in order (those off the canvas, degenerate or not finite dropped),
    /// prepared chunk by chunk in parallel.
    private func prepare(_ batch: LineBatch, count n: Int, width: Int, height: Int) -> [PreparedSegment] {
        let chunks = (n + Self.chunk - 1) / Self.chunk
        let results = ChunkResults(count: chunks)
        let scale = self.scale
        batch.coordinates.withUnsafeBufferPointer { c in
            batch.widths.withUnsafeBufferPointer { widths in
                batch.colors.withUnsafeBufferPointer { colors in
                    let input = BatchInput(c: c, widths: widths, colors: colors)
                    Parallel.forEach(chunks) { k in
                        var out: [PreparedSegment] = []
                        let range = (k * Self.chunk)..<min(n, (k + 1) * Self.chunk)
                        out.reserveCapacity(range.count)
                        let c = input.c
                        for i in range {
                            if let p = PreparedSegment(x0: c[4 * i] * scale, y0: c[4 * i + 1] * scale,
                                                       x1: c[4 * i + 2] * scale, y1: c[4 * i + 3] * scale,
                                                       width: input.widths[i] * scale, color: input.colors[i],
                                                       canvasWidth: width, canvasHeight: height) {
                                out.append(p)
                            }
                        }
                        results.set(k, out)
                    }
                }
            }
        }
        return results.joined()
    }
}

/// A batch's arrays, read (never written) by every preparing task.
private struct BatchInput: @unchecked Sendable {
    let c: UnsafeBufferPointer<Double>
    let widths: UnsafeBufferPointer<Double>
    let colors: UnsafeBufferPointer<Color>
}

/// One slot per chunk, each written by exactly one task.
private final class ChunkResults: @unchecked Sendable {
    private var slots: UnsafeMutableBufferPointer<[PreparedSegment]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ k: Int, _ value: [PreparedSegment]) { slots[k] = value }

    func joined() -> [PreparedSegment] {
        var all: [PreparedSegment] = []
        all.reserveCapacity(slots.reduce(0) { $0 + $1.count })
        for s in slots { all.append(contentsOf: s) }
        return all
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
