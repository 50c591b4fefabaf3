import NNVizEngine
import NNVizScene

/// Places a `LayerDiagram`: sizes, column and slot positions, then draws edges, nodes, labels and legend.
struct DiagramLayout {
    let d: LayerDiagram
    var b: SceneBuilder
    let cols: [DiagramColumn]
    let margin = 24.0
    /// Tiny-node mode for `--all` on wide layers: no labels inside nodes, edges as line batches.
    let dense: Bool
    /// Largest node radius, and each column's radius and slot spacing (dense columns spread over the height).
    let r: Double
    let radii: [Double]
    let slot: Double
    let spacing: [Double]
    let colGap: Double
    let x0: Double
    let plotTop: Double
    let plotHeight: Double
    let legend: LegendFlow
    let legendTop: Double
    let labelsShown: Bool
    let edgeScale: WeightScale
    let valueDecimals: Int
    /// Headers break after the layer's name (`hidden 1` over `relu · 8`) when columns are closer than they are wide.
    let headerLines: Int
    /// Node centres per column, one per visible neuron.
    var pos: [[Point]] = []
    /// Rectangles later text must not cover.
    var obstacles = RectIndex()
    var unplaced = 0
    /// Weights that could carry a label (one per drawn edge); `total - unplaced` are labelled.
    var total = 0

    struct Result { let scene: Scene; let unplacedLabels: Int }

    init(diagram: LayerDiagram, measurer: any TextMeasurer, spacingBoost: Double) {
        d = diagram
        let o = diagram.options.figure
        let builder = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        b = builder
        cols = diagram.columns
        let L = cols.count - 1
        let maxSlots = cols.map(\.slotCount).max() ?? 1
        dense = maxSlots > 40
        labelsShown = diagram.showsWeightLabels
        let maxW = diagram.options.maxAbsWeight ?? diagram.maxAbsWeight
        var drawnEdges = 0
        for k in 0..<L { drawnEdges += cols[k].visible.count * cols[k + 1].visible.count }
        edgeScale = (dense ? .dense(maxAbs: maxW) : (drawnEdges > 150 ? .medium(maxAbs: maxW) : WeightScale(maxAbs: maxW)))
            .themed(builder.theme)
        var vmax = 0.0
        if let t = diagram.trace, t.batchSize > 0 {
            for c in 0...L { for v in t.activations(ofLayer: c).row(diagram.sample) where v.isFinite { vmax = Swift.max(vmax, abs(v)) } }
        }
        valueDecimals = diagram.options.precision ?? (vmax >= 100 ? 0 : (vmax >= 10 ? 1 : 2))

        let small = builder.font(TextSize.small), body = builder.font(TextSize.body), hf = builder.font(TextSize.header, bold: true)
        // Node radius: big enough for hidden labels inside, within 15…24.
        var labelW = 0.0
        for c in 1..<Swift.max(1, L) { for i in cols[c].visible { labelW = Swift.max(labelW, builder.measure(diagram.labels(c)[i], small).width) } }
        let widest = cols.map(\.visible.count).max() ?? 1
        let rNormal = Swift.min(widest > 8 ? 16 : 24, Swift.max(15, labelW / 2 + 5))
        // Side labels: inputs on the left, outputs on the right, with values when a sample is shown.
        var left = 0.0, right = 0.0
        for i in cols[0].visible { left = Swift.max(left, builder.measure(DiagramLayout.sideText(diagram, 0, i, valueDecimals), body).width) }
        for i in cols[L].visible { right = Swift.max(right, builder.measure(DiagramLayout.sideText(diagram, L, i, valueDecimals), body).width) }
        left += 10; right += 10
        let headerWs = (0...L).map { builder.measure(diagram.header($0), hf).width }
        let headerW = headerWs.max() ?? 0
        // Headers are centred on their columns: the outer ones must not stick out of the margins.
        left = Swift.max(left, headerWs[0] / 2 - rNormal)
        right = Swift.max(right, headerWs[L] / 2 - rNormal)
        var headerH = builder.measure("Ag", hf).height + 16
        let lineH = builder.measure("Ag", small).height

        var gap = Swift.max(150, headerW + 28)
        if labelsShown { gap = Swift.max(gap, 220) * spacingBoost }
        var leg = LegendFlow()
        let titleText = o.title ?? diagram.network.name
        let sub = DiagramLayout.subtitle(diagram)
        let titleH = (titleText.isEmpty ? 0 : builder.measure(titleText, builder.font(TextSize.title, bold: true)).height + 4)
            + builder.measure(sub, body).height + 4 + 12

        // Widths: the content decides unless a width is given.
        let rGuess = dense ? 2.0 : rNormal
        let contentW = left + 2 * rGuess + gap * Double(L) + right
        var width = o.width ?? contentW + 2 * margin
        if o.width == nil {
            width = Swift.max(width, builder.measure(titleText, builder.font(TextSize.title, bold: true)).width + 2 * margin,
                              builder.measure(sub, body).width + 2 * margin)
        } else if L > 0 {
            gap = Swift.max(40, (width - 2 * margin - left - right - 2 * rGuess) / Double(L))
        }
        colGap = gap
        let longestHeader = (0...L).map { DiagramLayout.headerParts(diagram.header($0)).map { builder.measure($0, hf).width }.max() ?? 0 }
        headerLines = L > 0 && (1...L).contains { (headerWs[$0] + headerWs[$0 - 1]) / 2 + 12 > gap }
            && (1...L).allSatisfy { (longestHeader[$0] + longestHeader[$0 - 1]) / 2 + 12 <= gap } ? 2 : 1
        if headerLines == 2 { headerH += builder.measure("Ag", hf).height }

        // Heights: slot spacing from the content unless a height is given.
        let legendProbe = DiagramLayout.legendBlocks(diagram, builder, edgeScale, dense, labelsShown)
        for blk in legendProbe { leg.append(blk) }
        let widestBlock = leg.blocks.map(\.width).max() ?? 0
        if o.width == nil { width = Swift.max(width, Swift.min(leg.width(maxWidth: 900), 900) + 2 * margin, widestBlock + 2 * margin) }
        let legendH = leg.height(maxWidth: width - 2 * margin)
        legend = leg
        plotTop = margin + titleH + headerH
        var s: Double
        if let h = o.height {
            let avail = Swift.max(40, h - plotTop - 28 - legendH - margin)
            s = avail / Double(maxSlots)
        } else if dense {
            s = Swift.min(1100, Swift.max(480, Double(maxSlots) * 1.4)) / Double(maxSlots)
        } else {
            s = Swift.max(2 * rNormal + 14, 46)
            if labelsShown { s = Swift.max(s, 2 * rNormal + lineH + 22) * spacingBoost }
            if diagram.trace != nil && L > 1 { s += lineH + 4 }  // the hidden activations above their neurons
            if diagram.trace != nil && L > 1 && diagram.options.showPre { s += lineH + 1 }  // and their z above those
            if cols.contains(where: \.isElided) { s = Swift.max(s, lineH + 14) }
        }
        slot = s
        plotHeight = s * Double(maxSlots)
        let normalSlot = Swift.max(2 * rNormal + 14, 46)
        let isDense = dense
        let sp = cols.map { col in isDense ? Swift.min(normalSlot, s * Double(maxSlots) / Double(Swift.max(1, col.slotCount))) : s }
        let rs = sp.map { isDense ? Swift.max(0.7, Swift.min(rNormal, $0 * 0.38)) : Swift.min(rNormal, $0 * 0.42) }
        spacing = sp
        radii = rs
        r = rs.max() ?? rNormal
        legendTop = plotTop + plotHeight + 28
        let height = o.height ?? legendTop + legendH + margin
        let usedW = left + 2 * r + gap * Double(L) + right
        x0 = (width - usedW) / 2 + left + r
        b.scene.width = width.rounded(.up)
        b.scene.height = height.rounded(.up)
    }

    /// `x1 = 0.60` beside inputs and outputs with a sample, the plain label without one; with `showPre`, outputs
    /// add their pre-activation: `OR = 0.73 (z = 1.02)`.
    static func sideText(_ d: LayerDiagram, _ c: Int, _ i: Int, _ decimals: Int) -> String {
        let label = d.labels(c)[i]
        guard let v = d.value(c, i) else { return label }
        let z = d.options.showPre ? d.preValue(c, i).map { " (z = " + LabelFormat.fixed($0, decimals) + ")" } ?? "" : ""
        return label + " = " + LabelFormat.fixed(v, decimals) + z
    }

    static func subtitle(_ d: LayerDiagram) -> String {
        var s = d.network.sizes.map(String.init).joined(separator: " → ") + " · \(LabelFormat.count(d.network.parameterCount)) parameters"
        if let name = d.sampleName { s += " · forward pass of " + name }
        return s
    }

    func x(_ c: Int) -> Double { x0 + Double(c) * colGap }

    func y(_ c: Int, slot k: Int) -> Double {
        let mid = plotTop + plotHeight / 2
        return mid + (Double(k) - Double(cols[c].slotCount - 1) / 2) * spacing[c]
    }

    mutating func build() -> Result {
        let o = d.options.figure
        pos = cols.enumerated().map { c, col in col.slots.map { Point(x(c), y(c, slot: $0)) } }
        _ = b.title(o.title ?? d.network.name, subtitle: DiagramLayout.subtitle(d), margin: margin, top: margin)
        drawEdges()
        drawNodes()
        drawHeaders()
        if labelsShown { drawWeightLabels() }
        legend.draw(into: &b, at: Point(margin, legendTop), maxWidth: b.scene.width - 2 * margin, center: true)
        if unplaced > 0 {
            b.text("\(total - unplaced) of \(total) weights labelled" + (o.notes.crowdedLabels.map { "; " + $0 } ?? ""),
                   at: Point(margin, b.scene.height - 8), font: b.font(TextSize.small), color: b.theme.mutedText,
                   baseline: .bottom, role: "note")
        }
        return Result(scene: b.scene, unplacedLabels: unplaced)
    }

    mutating func drawHeaders() {
        let hf = b.font(TextSize.header, bold: true)
        let lineH = b.measure("Ag", hf).height
        for c in cols.indices {
            let lines = headerLines == 2 ? DiagramLayout.headerParts(d.header(c)) : [d.header(c)]
            for (k, line) in lines.reversed().enumerated() {
                let rect = b.text(line, at: Point(x(c), plotTop - 14 - Double(k) * lineH), font: hf, anchor: .middle,
                                  baseline: .bottom, role: "header", name: d.header(c))
                obstacles.insert(rect.padded(2, 2))
            }
        }
    }

    /// A header broken after the layer's name: `hidden 1 · relu · 8` → `hidden 1`, `relu · 8`.
    static func headerParts(_ h: String) -> [String] {
        guard let r = h.range(of: " · ") else { return [h] }
        return [String(h[..<r.lowerBound]), String(h[r.upperBound...])]
    }
}
