import NNVizScene

/// Rectangles already placed on a figure, bucketed on a uniform grid so that "does this rectangle overlap any of
/// them?" looks only at its neighbourhood: label placement on a dense diagram stays linear in the labels instead of
/// quadratic.
struct RectIndex {
    /// Side of a grid cell in scene units.
    private let cell: Double
    private var buckets: [Int64: [Int]] = [:]
    /// Rectangles too large (or not finite) to bucket, checked one by one.
    private var oversized: [Int] = []
    private(set) var rects: [Rect] = []

    init(cell: Double = 48) { self.cell = cell }

    /// The grid cells `r` covers, or nil when that would be too many to visit.
    private func cells(_ r: Rect) -> (ClosedRange<Int64>, ClosedRange<Int64>)? {
        guard r.x.isFinite, r.y.isFinite, r.maxX.isFinite, r.maxY.isFinite, abs(r.x) < 1e12, abs(r.y) < 1e12,
              abs(r.maxX) < 1e12, abs(r.maxY) < 1e12 else { return nil }
        let x0 = Int64((r.x / cell).rounded(.down)), x1 = Int64((r.maxX / cell).rounded(.down))
        let y0 = Int64((r.y / cell).rounded(.down)), y1 = Int64((r.maxY / cell).rounded(.down))
        guard x1 >= x0, y1 >= y0, (x1 - x0 + 1) * (y1 - y0 + 1) <= 4096 else { return nil }
        return (x0...x1, y0...y1)
    }

    private static func key(_ x: Int64, _ y: Int64) -> Int64 { (x << 32) ^ (y & 0xFFFF_FFFF) }

    /// Adds `r`.
    mutating func insert(_ r: Rect) {
        let id = rects.count
        rects.append(r)
        guard let (xs, ys) = cells(r) else { oversized.append(id); return }
        for x in xs { for y in ys { buckets[Self.key(x, y), default: []].append(id) } }
    }

    /// Whether `r` overlaps any rectangle added so far.
    func intersectsAny(_ r: Rect) -> Bool {
        if oversized.contains(where: { rects[$0].intersects(r) }) { return true }
        guard let (xs, ys) = cells(r) else { return rects.contains { $0.intersects(r) } }
        for x in xs {
            for y in ys {
                if let ids = buckets[Self.key(x, y)], ids.contains(where: { rects[$0].intersects(r) }) { return true }
            }
        }
        return false
    }
}
