import NNVizEngine
import NNVizScene

extension Filmstrip {
    /// The smallest panel side a given size shrinks the panels to (below `minimumSide` only when nothing else fits);
    /// when even that does not fit, the figure takes its own size instead of clipping.
    static let smallestSide = 24.0

    /// Gaps between panels, in scene units.
    static let columnGap = 16.0, rowGap = 14.0

    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = options
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        guard let first = snapshots.first else { return b.scene }
        if neurons { return neuronRowsScene(measurer: measurer) }
        let margin = 24.0
        let net = first.network, field = first.field
        let body = b.font(TextSize.body), small = b.font(TextSize.small), bold = b.font(TextSize.body, bold: true)
        let smallBold = b.font(TextSize.small, bold: true)
        let titleFont = b.font(TextSize.title, bold: true)
        let title = o.title ?? (net.name + " · decision regions while training")
        var subtitle = net.inputLabels[field.xInput] + " × " + net.inputLabels[field.yInput]
            + " · " + (panelsDescription ?? "\(snapshots.count) snapshots on one colour scale")
        let slice = plot(0, side: Self.defaultSide).sliceText
        if !slice.isEmpty { subtitle += " · " + slice }
        var titleH = 0.0
        if !title.isEmpty { titleH += b.measure(title, titleFont).height + 4 }
        titleH += b.measure(subtitle, body).height + 4 + 14
        let ax = PlotAxes.margins(in: b)
        let lh = b.measure("0", small).height, th = b.measure("Ag", body).height
        let xLabels = lh + 8, xTitleBand = th + 6
        let n = snapshots.count
        func rows(_ c: Int) -> Int { (n + c - 1) / c }
        /// Rows whose panels carry x tick labels: the last, and the one above it when the last is not full.
        func labelledRows(_ c: Int) -> Int { rows(c) > 1 && n % c != 0 ? 2 : 1 }
        let legendPlot = plot(n - 1, side: Self.defaultSide)
        let shortStats = (0..<n).map { panelStats($0, short: true) }
        let longStats = (0..<n).map { panelStats($0, short: false) }

        /// One way to lay the panels out: the legend right or below, the panel headers full (bold title over the
        /// statistics), small (both in the small size) or title only (the statistics are the loss curve's), the
        /// columns, and the panel side that results.
        struct Arrangement { var below: Bool; var header: Int; var columns: Int; var side: Double; var score: Double }
        func headerHeight(_ mode: Int) -> Double {
            switch mode {
            case 0: b.measure("Ag", bold).height + 2 + b.measure("Ag", small).height + 6
            case 1: b.measure("Ag", smallBold).height + 2 + b.measure("Ag", small).height + 6
            default: b.measure("Ag", smallBold).height + 6
            }
        }
        func headerWidth(_ mode: Int) -> Double {
            shortStats.indices.map { i in
                Swift.max(b.measure(panelTitle(i), mode == 0 ? bold : smallBold).width, mode == 2 ? 0 : b.measure(shortStats[i], small).width)
            }.max() ?? 0
        }
        func legend(_ below: Bool) -> LegendFlow {
            // The colour bar is at most half this long: shorter in a low figure, so the key beside it still fits.
            // Below the panels it shares the height with them (half of a quarter of the figure); beside them it takes
            // what the key (about 150 px with its gaps) leaves.
            let room = o.height.map { h in below ? Swift.max(120, h / 4) : 2 * Swift.max(60, h - 2 * margin - titleH - 40 - 150) }
            return legendPlot.sideBlocks(b, plotHeight: room ?? 2 * Self.defaultSide)
        }
        func arrange(below: Bool, header mode: Int, columns fixed: Int? = nil) -> Arrangement? {
            let side = legend(below)
            let sideW = side.width(maxWidth: 230)
            let headerH = headerHeight(mode), headerW = headerWidth(mode)
            let legendBelowH = side.height(maxWidth: Swift.max(200, (o.width ?? 800) - 2 * margin)) + 20
            let availW = o.width.map { $0 - 2 * margin - ax.left - (below ? 0 : sideW + 28) }
            let availH = o.height.map { $0 - 2 * margin - titleH - xTitleBand - (below ? legendBelowH : 0) }
            if !below, let h = o.height, side.height(maxWidth: 230) > h - 2 * margin - titleH - headerH { return nil }
            func sideFor(_ c: Int) -> Double {
                let r = rows(c)
                var s = Double.infinity
                if let w = availW {
                    // Panel headers never overlap: the column pitch is at least the widest header plus a gap.
                    s = (w - Double(c - 1) * Self.columnGap) / Double(c)
                    if s + Self.columnGap < headerW + 10 { s = w - Double(c - 1) * (headerW + 10) }
                    // The last column's header may be wider than its panel: it too stays inside.
                    if s < headerW {
                        if c > 1 { s = Swift.min(s, (w - headerW) / Double(c - 1) - Self.columnGap) }
                        if Double(c - 1) * Swift.max(s + Self.columnGap, headerW + 10) + headerW > w { s = -.infinity }
                    }
                }
                if let h = availH {
                    s = Swift.min(s, (h - Double(r) * headerH - Double(labelledRows(c)) * xLabels - Double(r - 1) * Self.rowGap) / Double(r))
                }
                return s
            }
            var best: Arrangement?
            for c in fixed.map({ [$0] }) ?? Array(1...n) {
                let p = sideFor(c).rounded(.down)
                // Smaller text and a legend moved from its usual place cost a little: used only where they buy room.
                let score = Swift.min(p, 2 * Self.defaultSide) - Double(mode) * 12 - (below != naturalBelow ? 6 : 0)
                if p.isFinite, best.map({ score > $0.score + 0.5 }) ?? true { best = Arrangement(below: below, header: mode, columns: c, side: p, score: score) }
            }
            return best
        }
        // The legend: right of the panels, or below them in a figure taller than wide.
        let naturalBelow = (o.height ?? 0) > (o.width ?? .infinity) || (o.width ?? .infinity) < 520
        var chosen = Arrangement(below: naturalBelow, header: 0, columns: Self.defaultColumns(n), side: Self.defaultSide, score: 0)
        if o.width != nil || o.height != nil {
            var candidates: [Arrangement] = []
            for below in [naturalBelow, !naturalBelow] {
                for mode in 0...2 { if let a = arrange(below: below, header: mode) { candidates.append(a) } }
            }
            if o.width == nil || o.height == nil {
                // One side given: the usual columns and legend, the side that fits.
                candidates = arrange(below: naturalBelow, header: 0, columns: Self.defaultColumns(n)).map { [$0] } ?? []
            }
            // When nothing fits at a readable panel side, the best arrangement is still drawn at that side, so the
            // layout check (`fittedScene`) sees the overflow and refuses the size, naming the smallest that works.
            if let best = candidates.max(by: { $0.score < $1.score }) { chosen = best }
        }
        let below = chosen.below, columns = chosen.columns
        let headerH = headerHeight(chosen.header)
        let side = legend(below)
        let sideW = side.width(maxWidth: 230)
        let P = Swift.max(Self.smallestSide, chosen.side)
        let r = rows(columns)
        let pitch = Swift.max(P + Self.columnGap, headerWidth(chosen.header) + 10)
        let gridW = ax.left + Double(columns - 1) * pitch + Swift.max(P, headerWidth(chosen.header))
        let useShort = longStats.contains { b.measure($0, small).width > pitch - 10 }
        let gridH = Double(r) * (headerH + P) + Double(labelledRows(columns)) * xLabels + Double(r - 1) * Self.rowGap + xTitleBand
        let legendH = below ? side.height(maxWidth: Swift.max(200, gridW)) + 20 : 0
        let contentW = margin + gridW + (below ? 0 : 28 + sideW) + margin
        let width = o.width ?? Swift.max(contentW, b.measure(title, titleFont).width + 2 * margin, b.measure(subtitle, body).width + 2 * margin)
        // A legend beside one short row of panels may be the taller of the two.
        let besideH = below ? 0 : headerH + side.height(maxWidth: 230)
        let height = o.height ?? (margin + titleH + Swift.max(gridH, besideH) + legendH + margin)
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        _ = b.title(title, subtitle: subtitle, margin: margin, top: margin)

        let top = margin + titleH
        var y = top
        for row in 0..<r {
            let labelled = (row + 1) * columns >= n || (row + 2) * columns > n
            for col in 0..<columns {
                let i = row * columns + col
                guard i < n else { break }
                let x = margin + ax.left + Double(col) * pitch
                let frame = Rect(x: x, y: y + headerH, width: P, height: P)
                let hasBelow = i + columns < n
                let stats = chosen.header == 2 ? "" : (useShort ? shortStats[i] : longStats[i])
                drawPanel(i, frame: frame, side: P, stats: stats, compact: chosen.header > 0, leftColumn: col == 0, bottom: !hasBelow,
                          into: &b)
            }
            y += headerH + P + (labelled ? xLabels : 0) + Self.rowGap
        }
        if below {
            side.draw(into: &b, at: Point(margin + ax.left, top + gridH + 20), maxWidth: Swift.max(200, gridW))
        } else {
            side.draw(into: &b, at: Point(margin + gridW + 28, top + headerH), maxWidth: 230)
        }
        return b.scene
    }

    /// One panel: title and statistics above, the field, boundary and points, ticks, and the outer tick labels.
    func drawPanel(_ i: Int, frame: Rect, side: Double, stats: String, compact: Bool, leftColumn: Bool, bottom: Bool,
                           into b: inout SceneBuilder) {
        let s = snapshots[i], p = plot(i, side: side)
        let name = panelTitle(i)
        let small = b.font(TextSize.small), body = b.font(TextSize.body)
        let bold = b.font(compact ? TextSize.small : TextSize.body, bold: true)
        let titleBottom = stats.isEmpty ? frame.y - 4 : frame.y - 6 - b.measure("Ag", small).height - 2
        b.text(name, at: Point(frame.x, titleBottom), font: bold, baseline: .bottom, role: "panel-title", name: name)
        if !stats.isEmpty {
            b.text(stats, at: Point(frame.x, frame.y - 4), font: small, color: b.theme.mutedText, baseline: .bottom,
                   role: "panel-stats", name: name)
        }
        let axes = PlotAxes(frame: frame, x: s.field.xRange, y: s.field.yRange, xTitle: s.network.inputLabels[s.field.xInput],
                            yTitle: s.network.inputLabels[s.field.yInput], name: name)
        b.add(.raster(p.fieldRaster(), frame: frame, smooth: false), role: "field", name: name)
        p.drawContours(&b, axes)
        p.drawPoints(&b, axes)
        axes.draw(into: &b, tickLabels: false, titles: false)
        let lh = b.measure("0", small).height
        if bottom {
            let xt = axes.xTicks
            for (v, label) in zip(xt.values, xt.labels) {
                b.text(label, at: Point(axes.sx(v), frame.maxY + 6), font: small, anchor: .middle, baseline: .top,
                       role: "axis-label", name: name + " x")
            }
            b.text(axes.xTitle, at: Point(frame.center.x, frame.maxY + lh + 10), font: body, anchor: .middle, baseline: .top,
                   role: "axis-title", name: name + " x")
        }
        if leftColumn {
            let yt = axes.yTicks
            var widest = 0.0
            for (v, label) in zip(yt.values, yt.labels) {
                let t = b.text(label, at: Point(frame.x - 6, axes.sy(v)), font: small, anchor: .end, baseline: .middle,
                               role: "axis-label", name: name + " y")
                widest = Swift.max(widest, t.width)
            }
            b.text(axes.yTitle, at: Point(frame.x - widest - 10, frame.center.y), font: body, anchor: .middle, baseline: .bottom,
                   rotation: -90, role: "axis-title", name: name + " y")
        }
    }
}
