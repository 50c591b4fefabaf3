import NNVizEngine
import NNVizScene

extension DiagramLayout {
    /// The dash of a negative edge in print: dashes a few widths long, so thick edges read as dashed too.
    static func printDash(_ width: Double) -> [Double] { [Swift.max(4, 3 * width), Swift.max(3, 1.6 * width)] }

    /// Every weight between drawn neurons as an edge (thin ones first, so strong ones stay on top); dense
    /// layers as one `LineBatch`; connections of elided neurons as dashed summary edges.
    mutating func drawEdges() {
        for (li, layer) in d.network.layers.enumerated() {
            let src = cols[li], dst = cols[li + 1]
            if src.visible.count * dst.visible.count > 2000 {
                b.add(.lines(denseBatch(li, layer)), role: "edges", name: "layer \(li + 1)")
            } else {
                drawEdgeLines(li, layer)
            }
            if src.isElided || dst.isElided { drawSummaries(li, layer) }
        }
    }

    mutating func drawEdgeLines(_ li: Int, _ layer: Layer) {
        let src = cols[li], dst = cols[li + 1]
        let n = layer.fanOut
        var edges: [(w: Double, a: Int, b: Int)] = []
        for (sa, i) in src.visible.enumerated() {
            for (sb, j) in dst.visible.enumerated() { edges.append((layer.weights.data[i * n + j], sa, sb)) }
        }
        edges.sort { abs($0.w) < abs($1.w) }
        let sl = d.labels(li), tl = d.labels(li + 1)
        for e in edges {
            let from = pos[li][e.a], to = pos[li + 1][e.b]
            b.add(.line(from: from, to: to, stroke: Stroke(edgeScale.color(e.w), width: edgeScale.width(e.w),
                                                            dash: b.forPrint && e.w < 0 ? Self.printDash(edgeScale.width(e.w)) : [])),
                  role: "edge", name: sl[src.visible[e.a]] + "→" + tl[dst.visible[e.b]])
        }
    }

    /// One segment per weight, bucketed by |w| so strong edges are painted last; a tight loop without strings.
    func denseBatch(_ li: Int, _ layer: Layer) -> LineBatch {
        let src = cols[li], dst = cols[li + 1]
        let n = layer.fanOut
        let w = layer.weights.data
        let buckets = 64
        var counts = [Int](repeating: 0, count: buckets + 1)
        let total = src.visible.count * dst.visible.count
        var bucketOf = [UInt8](repeating: 0, count: total)
        var e = 0
        for i in src.visible {
            for j in dst.visible {
                let k = Swift.min(buckets - 1, Int(edgeScale.fraction(w[i * n + j]) * Double(buckets)))
                bucketOf[e] = UInt8(k); counts[k + 1] += 1; e += 1
            }
        }
        for k in 0..<buckets { counts[k + 1] += counts[k] }
        var coords = [Double](repeating: 0, count: 4 * total)
        var colors = [Color](repeating: .clear, count: total)
        var widths = [Double](repeating: 0, count: total)
        let ps = pos[li], pt = pos[li + 1]
        e = 0
        for (sa, i) in src.visible.enumerated() {
            let p = ps[sa]
            for (sb, j) in dst.visible.enumerated() {
                let v = w[i * n + j]
                let k = Int(bucketOf[e]); let slotIndex = counts[k]; counts[k] += 1; e += 1
                let q = pt[sb]
                coords[4 * slotIndex] = p.x; coords[4 * slotIndex + 1] = p.y
                coords[4 * slotIndex + 2] = q.x; coords[4 * slotIndex + 3] = q.y
                colors[slotIndex] = edgeScale.color(v)
                widths[slotIndex] = edgeScale.width(v)
            }
        }
        return LineBatch(coordinates: coords, colors: colors, widths: widths)
    }

    /// Dashed edges standing for the connections of elided neurons: colour = mean w, width = RMS |w|.
    mutating func drawSummaries(_ li: Int, _ layer: Layer) {
        let src = cols[li], dst = cols[li + 1]
        let n = layer.fanOut
        let sl = d.labels(li), tl = d.labels(li + 1)
        func summary(_ rows: [Int], _ colsIdx: [Int]) -> (mean: Double, rms: Double) {
            var s = 0.0, s2 = 0.0, k = 0.0
            for i in rows { for j in colsIdx { let v = layer.weights.data[i * n + j]; s += v; s2 += v * v; k += 1 } }
            return k == 0 ? (0, 0) : (s / k, (s2 / k).squareRoot())
        }
        let hiddenSrc = Array(src.hiddenRange), hiddenDst = Array(dst.hiddenRange)
        let srcName = hiddenSrc.isEmpty ? "" : sl[hiddenSrc.first!] + "…" + sl[hiddenSrc.last!]
        let dstName = hiddenDst.isEmpty ? "" : tl[hiddenDst.first!] + "…" + tl[hiddenDst.last!]
        func add(_ from: Point, _ to: Point, _ s: (mean: Double, rms: Double), _ name: String) {
            let c = edgeScale.fraction(s.mean) < 0.05 ? Palette.neutral : Palette.signColor(s.mean)
            let stroke = Stroke(c.withAlpha(edgeScale.opacity(s.rms)), width: edgeScale.width(s.rms), dash: [5, 3])
            b.add(.line(from: from, to: to, stroke: stroke), role: "edge-summary", name: name)
        }
        let body = b.font(TextSize.body)
        func gap(_ col: DiagramColumn) -> Double { b.measure("⋮ +\(col.hiddenCount)", body).width / 2 + 4 }
        if let m = src.markerSlot {
            let p = Point(x(li) + gap(src), y(li, slot: m))
            for (sb, j) in dst.visible.enumerated() { add(p, pos[li + 1][sb], summary(hiddenSrc, [j]), srcName + "→" + tl[j]) }
            if let m2 = dst.markerSlot {
                add(p, Point(x(li + 1) - gap(dst), y(li + 1, slot: m2)), summary(hiddenSrc, hiddenDst), srcName + "→" + dstName)
            }
        }
        if let m2 = dst.markerSlot {
            let q = Point(x(li + 1) - gap(dst), y(li + 1, slot: m2))
            for (sa, i) in src.visible.enumerated() { add(pos[li][sa], q, summary([i], hiddenDst), sl[i] + "→" + dstName) }
        }
    }
}
