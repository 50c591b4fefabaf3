import NNVizEngine
import NNVizScene

extension Heatmap {
    /// Cells as rectangles (with values printed when they fit), or one nearest-neighbour raster when the
    /// panel has more cells than the budget or cells thinner than 3 px.
    func drawCells(_ b: inout SceneBuilder, _ p: HeatmapPanel, _ frame: Rect, _ cw: Double, _ ch: Double) {
        if p.rows * p.cols > Heatmap.cellBudget || cw < 3 || ch < 3 {
            var px = [UInt8](repeating: 255, count: p.rows * p.cols * 4)
            for i in 0..<(p.rows * p.cols) {
                let c = p.scale.color(p.values[i])
                px[4 * i] = UInt8((c.r * 255).rounded()); px[4 * i + 1] = UInt8((c.g * 255).rounded())
                px[4 * i + 2] = UInt8((c.b * 255).rounded())
            }
            b.add(.raster(Raster(width: p.cols, height: p.rows, pixels: px), frame: frame, smooth: false), role: "cells", name: p.name)
            return
        }
        let f = b.font(TextSize.small)
        var maxAbs = 0.0
        for v in p.values where v.isFinite { maxAbs = Swift.max(maxAbs, abs(v)) }
        let decimals = options.precision ?? LabelFormat.decimals(forMagnitude: maxAbs)
        let widest = b.measure(LabelFormat.fixed(-maxAbs, decimals), f)
        let showValues = widest.width + 6 <= cw && widest.height + 2 <= ch
        for r in 0..<p.rows {
            for c in 0..<p.cols {
                let v = p.value(r, c)
                // Edges on whole pixels, so neighbouring cells meet without antialiased seams.
                let x0 = (frame.x + Double(c) * cw).rounded(), x1 = (frame.x + Double(c + 1) * cw).rounded()
                let y0 = (frame.y + Double(r) * ch).rounded(), y1 = (frame.y + Double(r + 1) * ch).rounded()
                let rect = Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
                let fill = p.scale.color(v)
                b.add(.rect(rect, fill: fill, stroke: nil, cornerRadius: 0), role: "cell", name: "\(p.name)[\(r),\(c)]")
                if b.forPrint && v < 0 && p.scale.center != nil && rect.width >= 6 && rect.height >= 6 {
                    // Greyscale print: negative cells carry a diagonal hatch, since both ends of the map are dark.
                    b.add(.line(from: Point(rect.x + 1, rect.maxY - 1), to: Point(rect.maxX - 1, rect.y + 1),
                                stroke: Stroke(Theme.textOn(fill).withAlpha(0.55), width: 1)), role: "cell-hatch", name: "\(p.name)[\(r),\(c)]")
                }
                if showValues {
                    b.text(LabelFormat.fixed(v, decimals), at: rect.center, font: f, color: Theme.textOn(fill), anchor: .middle,
                           baseline: .middle, role: "cell-value", name: "\(p.name)[\(r),\(c)]")
                }
            }
        }
    }

    /// Squares with area ∝ |w| / max|w|, coloured by sign, on a neutral background.
    func drawHinton(_ b: inout SceneBuilder, _ p: HeatmapPanel, _ frame: Rect, _ s: Double) {
        b.add(.rect(frame, fill: b.theme.hintonBackground, stroke: nil, cornerRadius: 0), role: "hinton-background", name: p.name)
        let m = Swift.max(abs(p.scale.lower), abs(p.scale.upper))
        for r in 0..<p.rows {
            for c in 0..<p.cols {
                let v = p.value(r, c)
                let t = m > 0 && v.isFinite ? Swift.min(1, abs(v) / m) : 0
                guard t > 0 else { continue }
                let side = t.squareRoot() * s * 0.92
                let cx = frame.x + (Double(c) + 0.5) * s, cy = frame.y + (Double(r) + 0.5) * s
                b.add(.rect(Rect(x: cx - side / 2, y: cy - side / 2, width: side, height: side), fill: Palette.signColor(v),
                            stroke: nil, cornerRadius: 0), role: "hinton", name: "\(p.name)[\(r),\(c)]")
            }
        }
    }

    func drawColumnLabels(_ b: inout SceneBuilder, _ p: HeatmapPanel, _ frame: Rect, _ cw: Double, _ mode: Int) {
        guard mode != 0 else { return }
        let f = b.font(TextSize.small)
        for (c, s) in p.colLabels.enumerated() {
            let x = frame.x + (Double(c) + 0.5) * cw
            if mode == 1 {
                b.text(s, at: Point(x, frame.y - 4), font: f, color: b.theme.mutedText, anchor: .middle, baseline: .bottom,
                       role: "col-label", name: p.name)
            } else {
                b.text(s, at: Point(x, frame.y - 4), font: f, color: b.theme.mutedText, anchor: .start, baseline: .middle,
                       rotation: -90, role: "col-label", name: p.name)
            }
        }
    }

    /// Every row labelled when rows are a line tall; otherwise ticks at 1-2-5 steps of the row position.
    func drawRowLabels(_ b: inout SceneBuilder, _ p: HeatmapPanel, _ frame: Rect, _ ch: Double, rowAxisTitle: String) {
        let f = b.font(TextSize.small), body = b.font(TextSize.body)
        let lineH = b.measure("Ag", f).height
        var widest = 0.0
        if ch >= lineH {
            for (r, s) in p.rowLabels.enumerated() {
                let rect = b.text(s, at: Point(frame.x - 5, frame.y + (Double(r) + 0.5) * ch), font: f, color: b.theme.mutedText,
                                  anchor: .end, baseline: .middle, role: "row-label", name: p.name)
                widest = Swift.max(widest, rect.width)
            }
        } else {
            let ticks = NiceTicks(0, Double(p.rows - 1), target: Swift.max(2, Int(frame.height / 45)))
            for v in ticks.values where v >= 0 && Int(v) < p.rows {
                let r = Int(v)
                let yy = frame.y + (Double(r) + 0.5) * ch
                b.add(.line(from: Point(frame.x - 4, yy), to: Point(frame.x, yy), stroke: Stroke(b.theme.axis, width: 1)),
                      role: "row-tick", name: p.name)
                let label = options.sort ? String(r) : p.rowLabels[r]
                let rect = b.text(label, at: Point(frame.x - 6, yy), font: f, color: b.theme.mutedText, anchor: .end,
                                  baseline: .middle, role: "row-label", name: p.name)
                widest = Swift.max(widest, rect.width)
            }
        }
        let title = options.sort && ch < lineH ? "rank" : rowAxisTitle
        b.text(title, at: Point(frame.x - widest - 12, frame.center.y), font: body, color: b.theme.text, anchor: .middle,
               baseline: .bottom, rotation: -90, role: "axis-title", name: p.name)
    }

    /// Sign swatches and squares at real |w| values, the Hinton diagram's key, as blocks that wrap into rows.
    func hintonLegend(_ b: SceneBuilder, _ scale: ColorScale) -> LegendFlow {
        let f = b.font(TextSize.small)
        let m = Swift.max(abs(scale.lower), abs(scale.upper))
        let values = WeightLegend(scale: WeightScale(maxAbs: m)).sampleValues
        let decimals = LabelFormat.decimals(forStep: NiceTicks(0, m, target: 3).step)
        let side = 18.0
        var flow = LegendFlow(gap: 18)
        for (k, s) in ["w > 0", "w < 0"].enumerated() {
            flow.append(.init(width: 17 + b.measure(s, f).width, height: side) { b, o in
                let y = o.y + side / 2
                b.add(.rect(Rect(x: o.x, y: y - 6, width: 12, height: 12), fill: k == 0 ? Palette.positive : Palette.negative,
                            stroke: nil, cornerRadius: 0), role: "legend", name: s)
                b.text(s, at: Point(o.x + 17, y), font: f, baseline: .middle, role: "legend", name: s)
            })
        }
        for v in values {
            let label = "|w| = " + LabelFormat.fixed(v, decimals)
            flow.append(.init(width: side + 5 + b.measure(label, f).width, height: side) { b, o in
                let y = o.y + side / 2, x = o.x
                let sd = (v / m).squareRoot() * side
                b.add(.rect(Rect(x: x, y: y - side / 2, width: side, height: side), fill: b.theme.hintonBackground, stroke: nil,
                            cornerRadius: 0), role: "legend", name: "hinton-cell")
                b.add(.rect(Rect(x: x + (side - sd) / 2, y: y - sd / 2, width: sd, height: sd), fill: b.theme.axis, stroke: nil,
                            cornerRadius: 0), role: "legend", name: "hinton-area")
                b.text(label, at: Point(x + side + 5, y), font: f, baseline: .middle, role: "legend", name: "hinton-value")
            })
        }
        return flow
    }
}
