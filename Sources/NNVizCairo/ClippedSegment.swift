/// A segment clipped to a rectangle (Liang–Barsky); nil when nothing of it lies inside.
struct ClippedSegment {
    var x0: Double, y0: Double, x1: Double, y1: Double

    init?(x0: Double, y0: Double, x1: Double, y1: Double, minX: Double, minY: Double, maxX: Double, maxY: Double) {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return nil }
        let dx = x1 - x0, dy = y1 - y0
        var t0 = 0.0, t1 = 1.0
        /// Narrows [t0, t1] to the side `p·t ≤ q` of one edge; false when nothing remains.
        func edge(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let r = q / p
            if p < 0 {
                if r > t1 { return false }
                if r > t0 { t0 = r }
            } else {
                if r < t0 { return false }
                if r < t1 { t1 = r }
            }
            return true
        }
        guard edge(-dx, x0 - minX), edge(dx, maxX - x0), edge(-dy, y0 - minY), edge(dy, maxY - y0) else { return nil }
        self.x0 = x0 + t0 * dx; self.y0 = y0 + t0 * dy
        self.x1 = x0 + t1 * dx; self.y1 = y0 + t1 * dy
    }

    /// The same segment with x and y exchanged.
    init(swapping s: ClippedSegment) {
        x0 = s.y0; y0 = s.x0; x1 = s.y1; y1 = s.x1
    }
}
