extension Scene {
    /// The scene magnified by `factor` about the origin (text, strokes, radii and dashes too) on a canvas of
    /// `width` × `height`: how a figure laid out in its own units is drawn at another size.
    public func scaled(by factor: Double, width: Double, height: Double) -> Scene {
        let k = factor
        func p(_ q: Point) -> Point { Point(q.x * k, q.y * k) }
        func r(_ q: Rect) -> Rect { Rect(x: q.x * k, y: q.y * k, width: q.width * k, height: q.height * k) }
        func s(_ q: Stroke?) -> Stroke? { q.map { Stroke($0.color, width: $0.width * k, dash: $0.dash.map { $0 * k }) } }
        var out = Scene(width: width, height: height, background: background)
        out.items.reserveCapacity(items.count)
        for item in items {
            let moved: Primitive
            switch item.primitive {
            case let .line(a, b, st): moved = .line(from: p(a), to: p(b), stroke: s(st)!)
            case let .circle(c, radius, f, st): moved = .circle(center: p(c), radius: radius * k, fill: f, stroke: s(st))
            case let .rect(q, f, st, corner): moved = .rect(r(q), fill: f, stroke: s(st), cornerRadius: corner * k)
            case let .text(t, at, font, color, anchor, baseline, rotation):
                var f = font
                f.size *= k
                moved = .text(t, at: p(at), font: f, color: color, anchor: anchor, baseline: baseline, rotation: rotation)
            case let .raster(raster, frame, smooth): moved = .raster(raster, frame: r(frame), smooth: smooth)
            case let .path(path, f, st):
                moved = .path(Path(path.elements.map { e in
                    switch e {
                    case .move(let q): .move(p(q))
                    case .line(let q): .line(p(q))
                    case let .curve(a, b, c): .curve(p(a), p(b), p(c))
                    case .close: .close
                    }
                }), fill: f, stroke: s(st))
            case .lines(var batch):
                for i in batch.coordinates.indices { batch.coordinates[i] *= k }
                for i in batch.widths.indices { batch.widths[i] *= k }
                moved = .lines(batch)
            }
            out.items.append(Item(moved, role: item.role, name: item.name))
        }
        return out
    }
}
