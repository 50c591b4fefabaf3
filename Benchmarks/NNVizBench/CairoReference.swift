import CCairo
import NNVizEngine

/// The plain-Cairo reference for the dense diagram: every edge of the network stroked one by one straight
/// through Cairo with its default antialiasing — no scene, no layout engine, no nodes or text.
///
/// Geometry and encoding match the matplotlib peer (`peers/diagram.py`): columns from x = 60 to width − 60,
/// neurons evenly spread between y = 60 and height − 40; blue `#0877bd` for w ≥ 0, orange `#f59322` below;
/// width 0.2 + 1.3·m px and opacity 0.1 + 0.9·m with m = |w| / max|w|.
struct CairoReference {
    let network: Network
    let width: Int
    let height: Int

    /// Number of edges stroked.
    var edgeCount: Int { network.layers.reduce(0) { $0 + $1.fanIn * $1.fanOut } }

    /// Strokes every edge onto an ARGB32 image surface and writes it as PNG; returns (stroking, total) seconds.
    func renderPNG(to path: String) -> (stroke: Double, total: Double) {
        let start = ProcessRun.now()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        let cr = cairo_create(surface)
        let stroke = strokeEdges(cr)
        cairo_surface_write_to_png(surface, path)
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        return (stroke, ProcessRun.now() - start)
    }

    /// The same edges onto an SVG surface (px units); returns (stroking, total) seconds.
    func renderSVG(to path: String) -> (stroke: Double, total: Double) {
        let start = ProcessRun.now()
        let surface = cairo_svg_surface_create(path, Double(width), Double(height))
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        let cr = cairo_create(surface)
        let stroke = strokeEdges(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return (stroke, ProcessRun.now() - start)
    }

    /// White background, then one `move_to`/`line_to`/`stroke` per edge; returns the seconds spent.
    private func strokeEdges(_ cr: OpaquePointer?) -> Double {
        let start = ProcessRun.now()
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        let sizes = network.sizes
        let margin = 60.0, top = 60.0, bottom = 40.0
        let xs = sizes.indices.map { margin + Double($0) * (Double(width) - 2 * margin) / Double(sizes.count - 1) }
        let ys = { (i: Int, n: Int) in top + (Double(i) + 0.5) * (Double(height) - top - bottom) / Double(n) }
        var wmax = 0.0
        for layer in network.layers { for w in layer.weights.data { wmax = Swift.max(wmax, abs(w)) } }
        for (l, layer) in network.layers.enumerated() {
            let n = layer.fanOut, m = layer.fanIn
            for k in 0..<m {
                let y0 = ys(k, m)
                for j in 0..<n {
                    let w = layer.weights[k, j]
                    let mag = abs(w) / wmax
                    if w >= 0 {
                        cairo_set_source_rgba(cr, 0x08 / 255.0, 0x77 / 255.0, 0xBD / 255.0, 0.1 + 0.9 * mag)
                    } else {
                        cairo_set_source_rgba(cr, 0xF5 / 255.0, 0x93 / 255.0, 0x22 / 255.0, 0.1 + 0.9 * mag)
                    }
                    cairo_set_line_width(cr, 0.2 + 1.3 * mag)
                    cairo_move_to(cr, xs[l], y0)
                    cairo_line_to(cr, xs[l + 1], ys(j, n))
                    cairo_stroke(cr)
                }
            }
        }
        return ProcessRun.now() - start
    }
}
