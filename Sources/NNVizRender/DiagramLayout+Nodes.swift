import NNVizEngine
import NNVizScene

extension DiagramLayout {
    /// Width of a bias ring: 1.2 px at 0 up to 5 px at max|w| (the edges' scale, clamped).
    func ringWidth(_ bias: Double) -> Double { 1.2 + 3.8 * edgeScale.fraction(bias) }

    mutating func drawNodes() {
        let small = b.font(TextSize.small), body = b.font(TextSize.body)
        let actScale = d.activationScale
        let L = cols.count - 1
        let labelH = b.measure("Ag", small).height
        for c in cols.indices {
            let labels = d.labels(c)
            let col = cols[c]
            // Side labels only where they have room (dense columns label their first and last neuron); a forward
            // pass prints every drawn neuron's value, and a canvas too small for them is shrunk or refused.
            let sideEvery = spacing[c] >= labelH + 2
            let r = radii[c]
            // Labels inside hidden neurons only when every drawn label of the column fits.
            let inside = c > 0 && c < L && col.visible.allSatisfy { i in
                let e = b.measure(labels[i], small)
                return e.width <= 2 * r - 5 && e.height <= 2 * r - 2
            }
            for (vi, i) in col.visible.enumerated() {
                let p = pos[c][vi]
                let v = d.value(c, i)
                let fill = v.flatMap { val in actScale.map { $0.color(val) } } ?? b.theme.nodeFill
                let stroke: Stroke
                if c == 0 {
                    stroke = Stroke(b.theme.nodeStroke, width: dense ? 0.5 : 1.5)
                } else {
                    let bias = d.network.layers[c - 1].bias[i]
                    stroke = Stroke(b.theme.edgeSign(edgeScale.fraction(bias) < edgeScale.neutralFraction ? 0 : bias),
                                    width: dense ? Swift.min(0.8, r * 0.4) : ringWidth(bias),
                                    dash: b.forPrint && bias < 0 && !dense ? [3, 2] : [])
                }
                b.add(.circle(center: p, radius: r, fill: fill, stroke: stroke), role: "node", name: labels[i])
                obstacles.insert(Rect(x: p.x - r - 2, y: p.y - r - 2, width: 2 * r + 4, height: 2 * r + 4))
                // Label inside hidden neurons when it fits.
                if inside {
                    b.text(labels[i], at: p, font: small, color: Theme.textOn(fill), anchor: .middle, baseline: .middle,
                           role: "node-label", name: labels[i])
                }
                if (c == 0 || c == L) && (sideEvery || (v != nil && !dense) || vi == 0 || vi == col.visible.count - 1) {
                    let s = DiagramLayout.sideText(d, c, i, valueDecimals)
                    let at = c == 0 ? Point(p.x - r - 8, p.y) : Point(p.x + r + 8, p.y)
                    let rect = b.text(s, at: at, font: body, anchor: c == 0 ? .end : .start, baseline: .middle,
                                      role: v == nil ? "side-label" : "value", name: labels[i])
                    obstacles.insert(rect.padded(2, 1))
                }
                // Hidden neurons of a forward pass print their activation above them (input and output values
                // stand beside their labels); dense columns keep only the colour.
                // With --pre, z stands above the activation it becomes.
                // Both on a background, so the edges converging on the neuron do not run through the digits.
                if let v, c > 0 && c < L && !dense {
                    var lines = [("a = " + LabelFormat.fixed(v, valueDecimals), b.theme.text, "value")]
                    if d.options.showPre, let z = d.preValue(c, i) {
                        lines.append(("z = " + LabelFormat.fixed(z, valueDecimals), b.theme.mutedText, "pre-value"))
                    }
                    var bottom = p.y - r - 3
                    for (text, color, role) in lines {
                        let e = b.measure(text, small)
                        let rect = Rect(x: p.x - e.width / 2, y: bottom - e.height, width: e.width, height: e.height)
                        b.add(.rect(rect.padded(2, 0), fill: b.theme.labelBackground, stroke: nil, cornerRadius: 2), role: role + "-bg", name: labels[i])
                        b.text(text, at: Point(p.x, bottom), font: small, color: color, anchor: .middle, baseline: .bottom, role: role, name: labels[i])
                        obstacles.insert(rect.padded(2, 1))
                        bottom = rect.minY - 1
                    }
                }
                if labelsShown && c > 0 {
                    let bias = d.network.layers[c - 1].bias[i]
                    let rect = b.text("b = " + LabelFormat.fixed(bias, d.options.weightDecimals), at: Point(p.x, p.y + r + 3), font: small,
                                      color: b.theme.signText(bias), anchor: .middle, baseline: .top,
                                      role: "bias-label", name: labels[i])
                    obstacles.insert(rect.padded(2, 1))
                }
            }
            if let m = col.markerSlot {
                let p = Point(x(c), y(c, slot: m))
                let rect = b.text("⋮ +\(col.hiddenCount)", at: p, font: body, color: b.theme.mutedText, anchor: .middle,
                                  baseline: .middle, role: "elision", name: d.header(c))
                obstacles.insert(rect.padded(2, 1))
            }
        }
    }
}
