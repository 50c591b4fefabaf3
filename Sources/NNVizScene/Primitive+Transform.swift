extension Primitive {
    /// The primitive magnified by `factor` about the origin (text, strokes, radii and dashes too), then moved by
    /// (`dx`, `dy`): `Scene.scaled` magnifies, `SceneBuilder.embed` moves. A factor of 1 and an offset of 0 leave
    /// every coordinate bit for bit as it was (−0 included).
    public func transformed(factor k: Double, dx: Double = 0, dy: Double = 0) -> Primitive {
        func x(_ v: Double) -> Double { dx == 0 ? v * k : v * k + dx }
        func y(_ v: Double) -> Double { dy == 0 ? v * k : v * k + dy }
        func p(_ q: Point) -> Point { Point(x(q.x), y(q.y)) }
        func r(_ q: Rect) -> Rect { Rect(x: x(q.x), y: y(q.y), width: q.width * k, height: q.height * k) }
        func s(_ q: Stroke) -> Stroke { Stroke(q.color, width: q.width * k, dash: q.dash.map { $0 * k }) }
        switch self {
        case let .line(a, b, st): return .line(from: p(a), to: p(b), stroke: s(st))
        case let .circle(c, radius, f, st): return .circle(center: p(c), radius: radius * k, fill: f, stroke: st.map(s))
        case let .rect(q, f, st, corner): return .rect(r(q), fill: f, stroke: st.map(s), cornerRadius: corner * k)
        case let .text(t, at, font, color, anchor, baseline, rotation):
            var f = font
            f.size *= k
            return .text(t, at: p(at), font: f, color: color, anchor: anchor, baseline: baseline, rotation: rotation)
        case let .raster(raster, frame, smooth): return .raster(raster, frame: r(frame), smooth: smooth)
        case let .path(path, f, st):
            return .path(Path(path.elements.map { e in
                switch e {
                case .move(let q): .move(p(q))
                case .line(let q): .line(p(q))
                case let .curve(a, b, c): .curve(p(a), p(b), p(c))
                case .close: .close
                }
            }), fill: f, stroke: st.map(s))
        case .lines(var batch):
            for i in batch.coordinates.indices { batch.coordinates[i] = i % 2 == 0 ? x(batch.coordinates[i]) : y(batch.coordinates[i]) }
            for i in batch.widths.indices { batch.widths[i] *= k }
            return .lines(batch)
        }
    }
}
