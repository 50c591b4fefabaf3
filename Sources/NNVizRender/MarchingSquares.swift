import NNVizScene

/// Contour lines of a sampled field by marching squares, joined into polylines.
///
/// The field has `n × n` samples at cell centres (row 0 at the top); `point(row, col)` maps a fractional
/// sample position to scene coordinates. Saddles are resolved by the average of the four corners.
public enum MarchingSquares {
    /// Polylines where `value(row, col)` crosses `level`, in sample coordinates (x = column, y = row).
    public static func contour(n: Int, level: Double, value: (Int, Int) -> Double) -> [[(x: Double, y: Double)]] {
        guard n >= 2 else { return [] }
        // Edge ids: horizontal edge from (r, c) to (r, c+1) is 2·(r·n + c), vertical to (r+1, c) is 2·(r·n + c) + 1.
        var segments: [(Int, Int)] = []
        var points: [Int: (x: Double, y: Double)] = [:]
        func crossing(_ r0: Int, _ c0: Int, _ r1: Int, _ c1: Int, _ v0: Double, _ v1: Double) -> Int {
            let id = 2 * (r0 * n + c0) + (r1 > r0 ? 1 : 0)
            if points[id] == nil {
                let t = v1 == v0 ? 0.5 : Swift.min(1, Swift.max(0, (level - v0) / (v1 - v0)))
                points[id] = (Double(c0) + t * Double(c1 - c0), Double(r0) + t * Double(r1 - r0))
            }
            return id
        }
        var above = [Bool](repeating: false, count: n * n)
        var vals = [Double](repeating: 0, count: n * n)
        for r in 0..<n { for c in 0..<n { let v = value(r, c); vals[r * n + c] = v; above[r * n + c] = v >= level } }
        for r in 0..<(n - 1) {
            for c in 0..<(n - 1) {
                let a = vals[r * n + c], b = vals[r * n + c + 1], d = vals[(r + 1) * n + c], e = vals[(r + 1) * n + c + 1]
                let code = (above[r * n + c] ? 8 : 0) | (above[r * n + c + 1] ? 4 : 0) | (above[(r + 1) * n + c + 1] ? 2 : 0)
                    | (above[(r + 1) * n + c] ? 1 : 0)
                if code == 0 || code == 15 { continue }
                let top = { crossing(r, c, r, c + 1, a, b) }
                let right = { crossing(r, c + 1, r + 1, c + 1, b, e) }
                let bottom = { crossing(r + 1, c, r + 1, c + 1, d, e) }
                let left = { crossing(r, c, r + 1, c, a, d) }
                switch code {
                case 1, 14: segments.append((left(), bottom()))
                case 2, 13: segments.append((bottom(), right()))
                case 3, 12: segments.append((left(), right()))
                case 4, 11: segments.append((top(), right()))
                case 6, 9: segments.append((top(), bottom()))
                case 7, 8: segments.append((left(), top()))
                case 5, 10:
                    let centreAbove = (a + b + d + e) / 4 >= level
                    if (code == 5) == centreAbove {
                        segments.append((left(), top())); segments.append((bottom(), right()))
                    } else {
                        segments.append((left(), bottom())); segments.append((top(), right()))
                    }
                default: break
                }
            }
        }
        return chain(segments).map { $0.map { points[$0]! } }
    }

    /// Joins segments sharing endpoints into polylines (closed loops repeat their first point).
    static func chain(_ segments: [(Int, Int)]) -> [[Int]] {
        var adjacency: [Int: [Int]] = [:]
        for (i, s) in segments.enumerated() { adjacency[s.0, default: []].append(i); adjacency[s.1, default: []].append(i) }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[Int]] = []
        func walk(from start: Int, via first: Int) -> [Int] {
            var line = [start]
            var seg = first, at = start
            while !used[seg] {
                used[seg] = true
                let s = segments[seg]
                at = s.0 == at ? s.1 : s.0
                line.append(at)
                guard let next = adjacency[at]?.first(where: { !used[$0] }) else { break }
                seg = next
            }
            return line
        }
        // Open lines start at ends (points with one segment), then closed loops.
        let ends = adjacency.filter { $0.value.count == 1 }.map(\.key).sorted()
        for e in ends where !used[adjacency[e]![0]] { lines.append(walk(from: e, via: adjacency[e]![0])) }
        for (i, s) in segments.enumerated() where !used[i] { lines.append(walk(from: s.0, via: i)) }
        return lines
    }
}
