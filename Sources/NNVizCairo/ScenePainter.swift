import CCairo
import NNVizScene

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paints a scene's background and items, in order, onto one context.
///
/// Geometry with a non-finite coordinate, width or radius is skipped rather than handed to Cairo
/// (a NaN would put the context into an error state and lose the whole figure).
struct ScenePainter {
    let context: CairoContext
    let format: OutputFormat
    /// Device pixels per scene unit (PNG only; vector formats paint at 1).
    let scale: Double
    /// Batches (and runs of solid lines) with more segments than this are rasterised directly into PNG pixels.
    let fastLineThreshold: Int

    func paint(_ scene: Scene) throws(CairoError) {
        context.quantizesOpacity = format == .pdf
        if scale != 1 { context.scale(scale, scale) }
        if scene.background.a > 0 {
            context.setColor(scene.background)
            context.paint()
        }
        let items = scene.items
        var k = 0
        while k < items.count {
            // PNG: a run of solid lines is one batch for the line rasteriser, however short.
            if format == .png, let run = solidLines(items, from: k) {
                try lines(run.batch)
                k = run.end
                continue
            }
            try paint(items[k].primitive)
            k += 1
        }
        try context.check("cannot paint scene")
    }

    /// The solid `.line` items from `start` on, up to the first item that is not one, as a batch; nil when the
    /// item at `start` is not a solid line.
    private func solidLines(_ items: [Item], from start: Int) -> (batch: LineBatch, end: Int)? {
        var batch = LineBatch()
        var k = start
        while k < items.count, case let .line(from, to, stroke) = items[k].primitive, Self.isSolid(stroke) {
            batch.append(from: from, to: to, color: stroke.color, width: stroke.width)
            k += 1
        }
        return k > start ? (batch, k) : nil
    }

    /// A stroke without a dash pattern (as `CairoContext.setStroke` reads it).
    static func isSolid(_ s: Stroke) -> Bool {
        s.dash.allSatisfy { !($0.isFinite && $0 > 0) }
    }

    private func paint(_ primitive: Primitive) throws(CairoError) {
        switch primitive {
        case let .line(from, to, stroke):
            guard finite(from, to), stroke.width.isFinite, stroke.width > 0 else { return }
            context.newPath()
            context.move(to: from)
            context.line(to: to)
            context.setStroke(stroke)
            context.stroke()
        case let .circle(center, radius, fill, stroke):
            guard finite(center), radius.isFinite, radius > 0 else { return }
            context.newPath()
            context.newSubPath()
            context.arc(center, radius: radius, from: 0, to: 2 * Double.pi)
            context.closePath()
            fillAndStroke(fill, stroke)
        case let .rect(rect, fill, stroke, cornerRadius):
            guard let r = normalized(rect) else { return }
            context.newPath()
            roundedRectangle(r, radius: cornerRadius.isFinite ? cornerRadius : 0)
            fillAndStroke(fill, stroke)
        case let .text(string, at, font, color, anchor, baseline, rotation):
            guard !string.isEmpty, finite(at), font.size.isFinite, font.size > 0, rotation.isFinite else { return }
            text(string, at: at, font: font, color: color, anchor: anchor, baseline: baseline, rotation: rotation)
        case let .raster(raster, frame, smooth):
            guard let f = normalized(frame), raster.width > 0, raster.height > 0 else { return }
            try image(raster, frame: f, smooth: smooth)
        case let .path(path, fill, stroke):
            guard !path.elements.isEmpty else { return }
            context.newPath()
            for element in path.elements {
                switch element {
                case .move(let p): if finite(p) { context.move(to: p) }
                case .line(let p): if finite(p) { context.line(to: p) }
                case let .curve(c1, c2, p): if finite(c1, c2, p) { context.curve(c1, c2, p) }
                case .close: context.closePath()
                }
            }
            fillAndStroke(fill, stroke)
        case .lines(let batch):
            try lines(batch)
        }
    }

    private func fillAndStroke(_ fill: Color?, _ stroke: Stroke?) {
        let strokes = stroke.map { $0.width.isFinite && $0.width > 0 } ?? false
        if let fill {
            context.setColor(fill)
            context.fill(preserve: strokes)
        }
        if strokes, let stroke {
            context.setStroke(stroke)
            context.stroke()
        }
        context.newPath()
    }

    private func roundedRectangle(_ r: Rect, radius: Double) {
        let k = min(max(0, radius), r.width / 2, r.height / 2)
        guard k > 0 else { context.rectangle(r); return }
        let h = Double.pi / 2
        context.newSubPath()
        context.arc(Point(r.maxX - k, r.minY + k), radius: k, from: -h, to: 0)
        context.arc(Point(r.maxX - k, r.maxY - k), radius: k, from: 0, to: h)
        context.arc(Point(r.minX + k, r.maxY - k), radius: k, from: h, to: 2 * h)
        context.arc(Point(r.minX + k, r.minY + k), radius: k, from: 2 * h, to: 3 * h)
        context.closePath()
    }

    /// Text placed by anchor (advance width) and baseline (the font's ascent/descent), rotated clockwise
    /// by `rotation` degrees about `at`.
    private func text(_ s: String, at: Point, font: Font, color: Color, anchor: TextAnchor,
                      baseline: TextBaseline, rotation: Double) {
        context.save()
        context.translate(at.x, at.y)
        if rotation != 0 { context.rotate(radians: rotation * Double.pi / 180) }
        context.selectFont(font)
        let layout = TextLayout(advance: context.advance(s), metrics: context.fontExtents())
        let origin = layout.origin(anchor: anchor, baseline: baseline)
        context.newPath()
        context.move(to: origin)
        context.setColor(color)
        context.showText(s)
        context.newPath()
        context.restore()
    }

    private func image(_ raster: Raster, frame: Rect, smooth: Bool) throws(CairoError) {
        // Vector viewers smooth embedded images whatever filter cairo records, so for crisp cells the
        // raster is enlarged by whole factors first: the blur then only touches a sliver at cell borders.
        var source = RasterDownscale.withinCairoLimit(raster)
        if format.isVector, !smooth {
            source = RasterUpscale.forVector(source, frame: frame)
        }
        let surface = try RasterSurface.make(source)
        context.save()
        context.translate(frame.x, frame.y)
        context.scale(frame.width / Double(source.width), frame.height / Double(source.height))
        context.paintImage(surface, width: Double(source.width), height: Double(source.height),
                           nearest: !smooth, pad: !format.isVector)
        context.restore()
    }

    private func lines(_ batch: LineBatch) throws(CairoError) {
        let n = min(batch.count, batch.widths.count, batch.coordinates.count / 4)
        guard n > 0 else { return }
        if format == .png, n > fastLineThreshold {
            let rasterizer = LineRasterizer(scale: scale)
            let done: Void? = context.surface.withPixels { pixels, width, height, stride in
                rasterizer.draw(batch, count: n, into: pixels, width: width, height: height, stride: stride)
            }
            if done == nil { throw CairoError(path: "cairo", message: "cannot access image pixels") }
            return
        }
        let c = batch.coordinates
        for i in 0..<n {
            let w = batch.widths[i]
            let x0 = c[4 * i], y0 = c[4 * i + 1], x1 = c[4 * i + 2], y1 = c[4 * i + 3]
            guard w.isFinite, w > 0, x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { continue }
            context.newPath()
            context.move(to: Point(x0, y0))
            context.line(to: Point(x1, y1))
            context.setStroke(Stroke(batch.colors[i], width: w))
            context.stroke()
        }
    }

    private func finite(_ ps: Point...) -> Bool { ps.allSatisfy { $0.x.isFinite && $0.y.isFinite } }

    /// The rectangle with positive width and height, or nil when degenerate or not finite.
    private func normalized(_ r: Rect) -> Rect? {
        guard r.x.isFinite, r.y.isFinite, r.width.isFinite, r.height.isFinite, r.width != 0, r.height != 0 else { return nil }
        return Rect(x: min(r.x, r.x + r.width), y: min(r.y, r.y + r.height), width: abs(r.width), height: abs(r.height))
    }
}
