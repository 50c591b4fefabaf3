import NNVizScene

extension SceneBuilder {
    /// Adds every item of `scene` (a figure laid out on its own) moved by `offset`, keeping roles and names;
    /// its background is not painted (the host's shows through).
    public mutating func embed(_ scene: Scene, at offset: Point) {
        let dx = offset.x, dy = offset.y
        func p(_ q: Point) -> Point { Point(q.x + dx, q.y + dy) }
        func r(_ q: Rect) -> Rect { Rect(x: q.x + dx, y: q.y + dy, width: q.width, height: q.height) }
        for item in scene.items {
            let moved: Primitive
            switch item.primitive {
            case let .line(a, b, s): moved = .line(from: p(a), to: p(b), stroke: s)
            case let .circle(c, radius, f, s): moved = .circle(center: p(c), radius: radius, fill: f, stroke: s)
            case let .rect(q, f, s, corner): moved = .rect(r(q), fill: f, stroke: s, cornerRadius: corner)
            case let .text(t, at, font, color, anchor, baseline, rotation):
                moved = .text(t, at: p(at), font: font, color: color, anchor: anchor, baseline: baseline, rotation: rotation)
            case let .raster(raster, frame, smooth): moved = .raster(raster, frame: r(frame), smooth: smooth)
            case let .path(path, f, s):
                moved = .path(Path(path.elements.map { e in
                    switch e {
                    case .move(let q): .move(p(q))
                    case .line(let q): .line(p(q))
                    case let .curve(a, b, c): .curve(p(a), p(b), p(c))
                    case .close: .close
                    }
                }), fill: f, stroke: s)
            case .lines(var batch):
                for i in 0..<batch.count {
                    batch.coordinates[4 * i] += dx; batch.coordinates[4 * i + 1] += dy
                    batch.coordinates[4 * i + 2] += dx; batch.coordinates[4 * i + 3] += dy
                }
                moved = .lines(batch)
            }
            add(moved, role: item.role, name: item.name)
        }
    }
}
