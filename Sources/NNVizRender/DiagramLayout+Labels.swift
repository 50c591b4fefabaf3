import NNVizEngine
import NNVizScene

extension DiagramLayout {
    /// Fractions along an edge tried in turn for its weight label: near the ends first, where edges from one
    /// neuron fan apart, then towards the middle where edges cross.
    /// Consecutive weight labels without room after which a layer counts as full (see `drawWeightLabels`).
    static let fullAfterMisses = 2_000

    static let labelPositions: [Double] = [0.3, 0.7, 0.22, 0.78, 0.38, 0.62, 0.16, 0.84, 0.46, 0.54, 0.12, 0.88]

    /// Most edges in one layer's gap whose labels are placed; past it, a label could only be checked against
    /// crossing edges at too great a cost (and would hardly ever be unambiguous), so the gap's labels are dropped.
    static let maxLabelledGapEdges = 4_096

    /// Each weight printed on its edge on a background pill, centred on the edge, at the first position whose
    /// rectangle overlaps no node, header, value, bias label or earlier weight label, and which no other edge
    /// crosses: hidden under the pill, a crossing edge would make the label's edge ambiguous. Labels that fit
    /// nowhere are dropped and counted, never stacked. Each distinct label is measured once, and overlaps are
    /// looked up in a grid index (`RectIndex`).
    mutating func drawWeightLabels() {
        let f = b.font(TextSize.small)
        let decimals = d.options.weightDecimals
        var sizes: [String: (width: Double, height: Double)] = [:]
        for (li, layer) in d.network.layers.enumerated() {
            let src = cols[li], dst = cols[li + 1]
            let n = layer.fanOut
            let sl = d.labels(li), tl = d.labels(li + 1)
            let gapEdges = src.visible.count * dst.visible.count
            total += gapEdges
            guard gapEdges <= DiagramLayout.maxLabelledGapEdges else { unplaced += gapEdges; continue }
            let segments = pos[li].flatMap { p in pos[li + 1].map { q in (p, q) } }
            // Once this many labels in a row found no room, the layer's gap is full: the rest are counted unplaced.
            var misses = 0
            for (sa, i) in src.visible.enumerated() {
                for (sb, j) in dst.visible.enumerated() {
                    if misses >= DiagramLayout.fullAfterMisses { unplaced += 1; continue }
                    let w = layer.weights.data[i * n + j]
                    let text = LabelFormat.fixed(w, decimals)
                    let size: (width: Double, height: Double)
                    if let known = sizes[text] { size = known } else {
                        let e = b.measurer.measure(text, font: f)
                        size = (e.width, e.height)
                        sizes[text] = size
                    }
                    let p = pos[li][sa], q = pos[li + 1][sb]
                    let own = sa * dst.visible.count + sb
                    var placed: Rect?
                    for t in DiagramLayout.labelPositions {
                        let c = Point(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t)
                        // As `textRect` with anchor and baseline in the middle.
                        let rect = Rect(x: c.x - size.width / 2, y: c.y - size.height / 2, width: size.width,
                                        height: size.height).padded(3, 1)
                        if obstacles.intersectsAny(rect) { continue }
                        let crossed = segments.indices.contains { k in
                            k != own && DiagramLayout.segment(segments[k].0, segments[k].1, crosses: rect)
                        }
                        if !crossed { placed = rect; break }
                    }
                    guard let rect = placed else { unplaced += 1; misses += 1; continue }
                    misses = 0
                    let name = sl[i] + "→" + tl[j]
                    b.add(.rect(rect, fill: b.theme.labelBackground, stroke: nil, cornerRadius: 3), role: "weight-label-bg", name: name)
                    b.text(text, at: rect.center, font: f, color: b.theme.signText(w), anchor: .middle, baseline: .middle,
                           role: "weight-label", name: name)
                    obstacles.insert(rect.padded(1, 1))
                }
            }
        }
    }

    /// Whether the segment from `a` to `b` passes through `r` (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, crosses r: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return false }; t0 = Swift.max(t0, t) } else { if t < t0 { return false }; t1 = Swift.min(t1, t) }
            }
        }
        return t0 < t1
    }

    /// The legend: weight colours and widths, bias rings, the activation colour bar, elision.
    static func legendBlocks(_ d: LayerDiagram, _ b: SceneBuilder, _ scale: WeightScale, _ dense: Bool,
                             _ labels: Bool) -> [LegendFlow.Block] {
        var blocks: [LegendFlow.Block] = [WeightLegend(scale: scale, title: labels ? "weights (values on edges)" : "weights").block(in: b)]
        let f = b.font(TextSize.small)
        let lineH = b.measure("Ag", f).height
        // Bias rings.
        let biasTitle = "bias: ring around each neuron"
        let caption = labels ? "ring width ∝ |b|, value below" : "ring width ∝ |b|"
        let items = ["b > 0", "b < 0"]
        let rowW = items.map { 43 + b.measure($0, f).width }.reduce(0, +) + b.measure(caption, f).width
        let bw = Swift.max(b.measure(biasTitle, f).width, rowW)
        let ringScale = scale
        blocks.append(LegendFlow.Block(width: bw, height: lineH + 6 + 26) { b, o in
            b.text(biasTitle, at: o, font: f, color: b.theme.mutedText, baseline: .top, role: "legend", name: "bias-title")
            var x = o.x + 11
            let y = o.y + lineH + 6 + 12
            for (k, s) in items.enumerated() {
                let c = k == 0 ? b.theme.edgePositive : b.theme.edgeNegative
                b.add(.circle(center: Point(x, y), radius: 9, fill: b.theme.nodeFill,
                              stroke: Stroke(c, width: 1.2 + 3.8 * ringScale.fraction(ringScale.maxAbs * 0.6), dash: b.forPrint && k == 1 ? [3, 2] : [])),
                      role: "legend", name: k == 0 ? "bias-positive" : "bias-negative")
                let r = b.text(s, at: Point(x + 16, y), font: f, baseline: .middle, role: "legend", name: s)
                x = r.maxX + 16 + 11
            }
            b.text(caption, at: Point(x - 11, y), font: f, color: b.theme.mutedText, baseline: .middle, role: "legend", name: "bias-caption")
        })
        if let s = d.activationScale {
            let bar = ColorBar(scale: s, title: "neuron fill: " + s.label, length: 200, name: "activation")
            let size = bar.size(in: b)
            blocks.append(LegendFlow.Block(width: size.width, height: size.height) { b, o in bar.draw(into: &b, at: o) })
        }
        let elided = d.columns.filter(\.isElided)
        if !elided.isEmpty {
            let hidden = elided.map(\.hiddenCount).reduce(0, +)
            let l1 = "⋮ +N: \(hidden) neurons not drawn" + (d.options.figure.notes.elided.map { " (\($0))" } ?? "")
            let l2 = "their connections, summarised: colour = mean w, width = RMS |w|"
            let w = Swift.max(b.measure(l1, f).width, 34 + b.measure(l2, f).width)
            blocks.append(LegendFlow.Block(width: w, height: 2 * lineH + 8) { b, o in
                b.text(l1, at: o, font: f, color: b.theme.mutedText, baseline: .top, role: "legend", name: "elision")
                let y = o.y + lineH + 8 + lineH / 2
                b.add(.line(from: Point(o.x, y), to: Point(o.x + 26, y), stroke: Stroke(Palette.neutral, width: 2, dash: [5, 3])),
                      role: "legend", name: "summary-swatch")
                b.text(l2, at: Point(o.x + 34, y), font: f, color: b.theme.mutedText, baseline: .middle, role: "legend", name: "summary")
            })
        }
        return blocks
    }
}
