import NNVizScene

/// Legend for weight edges: one swatch per sign and a width scale at real |w| values (e.g. 0.5, 1.0, 2.0).
public struct WeightLegend {
    public let scale: WeightScale
    public let title: String

    public init(scale: WeightScale, title: String = "weights") {
        self.scale = scale; self.title = title
    }

    /// The |w| values shown on the width scale: up to three 1-2-5 values in (0, max|w|].
    public var sampleValues: [Double] {
        let t = NiceTicks(0, scale.maxAbs, target: 3)
        var v = t.values.filter { $0 > 0 && $0 <= scale.maxAbs * (1 + 1e-9) }
        if v.isEmpty { v = [scale.maxAbs] }
        return Array(v.suffix(3))
    }

    var decimals: Int { LabelFormat.decimals(forStep: NiceTicks(0, scale.maxAbs, target: 3).step) }

    /// The legend as a block for a `LegendFlow`.
    public func block(in b: SceneBuilder) -> LegendFlow.Block {
        let f = b.font(TextSize.small)
        let swatch = 26.0
        let lineH = Swift.max(b.measure("Ag", f).height, scale.maxWidth) + 6
        let titleH = b.measure(title, f).height + 6
        let signLabels = ["positive", "negative"]
        let signW = signLabels.map { swatch + 6 + b.measure($0, f).width }.reduce(0, +) + 16
        let values = sampleValues
        let labels = values.map { "|w| = " + LabelFormat.fixed($0, decimals) }
        let widthW = labels.map { swatch + 6 + b.measure($0, f).width }.reduce(0, +) + 16 * Double(Swift.max(0, values.count - 1))
        let titleW = b.measure(title, f).width
        let w = Swift.max(titleW, signW, widthW)
        let h = titleH + 2 * lineH
        let scale = self.scale, title = self.title
        return LegendFlow.Block(width: w, height: h) { b, o in
            b.text(title, at: o, font: f, color: b.theme.mutedText, baseline: .top, role: "legend", name: "weights-title")
            var x = o.x
            var y = o.y + titleH + lineH / 2
            for (i, s) in signLabels.enumerated() {
                let c = i == 0 ? scale.positive : scale.negative
                b.add(.line(from: Point(x, y), to: Point(x + swatch, y), stroke: Stroke(c.withAlpha(scale.maxOpacity), width: 3,
                                                                                           dash: b.forPrint && i == 1 ? [5, 3] : [])),
                      role: "legend", name: i == 0 ? "sign-positive" : "sign-negative")
                let r = b.text(s, at: Point(x + swatch + 6, y), font: f, baseline: .middle, role: "legend", name: s)
                x = r.maxX + 16
            }
            x = o.x
            y += lineH
            for (v, s) in zip(values, labels) {
                b.add(.line(from: Point(x, y), to: Point(x + swatch, y),
                            stroke: Stroke(b.theme.text.withAlpha(scale.opacity(v)), width: scale.width(v))),
                      role: "legend", name: "width " + LabelFormat.fixed(v, 3))
                let r = b.text(s, at: Point(x + swatch + 6, y), font: f, baseline: .middle, role: "legend", name: s)
                x = r.maxX + 16
            }
        }
    }
}
