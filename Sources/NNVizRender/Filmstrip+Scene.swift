import NNVizEngine
import NNVizScene

extension Filmstrip {
    /// Gaps between panels, in scene units.
    static let columnGap = 16.0, rowGap = 14.0

    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = options
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        guard let first = snapshots.first else { return b.scene }
        let margin = 24.0
        let net = first.network, field = first.field
        let body = b.font(TextSize.body), small = b.font(TextSize.small), bold = b.font(TextSize.body, bold: true)
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
        let headerH = b.measure("Ag", bold).height + 2 + b.measure("Ag", small).height + 6
        let xLabels = lh + 8, xTitleBand = th + 6

        // The legend: right of the panels, or below them in a figure taller than wide.
        let below = (o.height ?? 0) > (o.width ?? .infinity) || (o.width ?? .infinity) < 520
        let legendPlot = plot(snapshots.count - 1, side: Self.defaultSide)
        // The colour bar is at most half this long: shorter in a low figure, so the key below it still fits.
        let barRoom = o.height.map { 2 * Swift.max(80, $0 - 2 * margin - titleH - 130) } ?? 2 * Self.defaultSide
        let side = legendPlot.sideBlocks(b, plotHeight: barRoom)
        let sideW = side.width(maxWidth: 230)
        let n = snapshots.count
        func rows(_ c: Int) -> Int { (n + c - 1) / c }

        // Panel side and columns: the default side, or the largest side that fits the given width and height.
        var columns = Self.defaultColumns(n)
        var P = Self.defaultSide
        let legendBelowH = side.height(maxWidth: Swift.max(200, (o.width ?? 800) - 2 * margin)) + 20
        let availW = o.width.map { $0 - 2 * margin - ax.left - (below ? 0 : sideW + 28) }
        let availH = o.height.map { $0 - 2 * margin - titleH - xTitleBand - (below ? legendBelowH : 0) }
        // Panel headers never overlap: the column pitch is at least the widest header (short statistics) plus a gap.
        let shortStats = (0..<n).map { panelStats($0, short: true) }
        let headerW = (0..<n).map { i in
            Swift.max(b.measure(panelTitle(i), bold).width, b.measure(shortStats[i], small).width)
        }.max() ?? 0
        func sideFor(_ c: Int) -> Double {
            let r = rows(c)
            var s = Double.infinity
            if let w = availW {
                let even = (w - Double(c - 1) * Self.columnGap) / Double(c)
                s = Swift.min(s, even + Self.columnGap >= headerW + 10 ? even : w - Double(c - 1) * (headerW + 10))
            }
            if let h = availH { s = Swift.min(s, (h - Double(r) * (headerH + xLabels) - Double(r - 1) * Self.rowGap) / Double(r)) }
            return s
        }
        if availW != nil && availH != nil {
            var best = -Double.infinity
            for c in 1...n where sideFor(c) > best + 0.5 { best = sideFor(c); columns = c }
            P = best
        } else if availW != nil || availH != nil {
            P = sideFor(columns)
        }
        P = Swift.max(Self.minimumSide, P.rounded(.down))
        let r = rows(columns)
        let pitch = Swift.max(P + Self.columnGap, headerW + 10)
        let gridW = ax.left + Double(columns - 1) * pitch + P
        let longStats = (0..<n).map { panelStats($0, short: false) }
        let useShort = longStats.contains { b.measure($0, small).width > pitch - 10 }
        let gridH = Double(r) * (headerH + P + xLabels) + Double(r - 1) * Self.rowGap + xTitleBand
        let legendH = below ? side.height(maxWidth: Swift.max(200, gridW)) + 20 : 0
        let contentW = margin + gridW + (below ? 0 : 28 + sideW) + margin
        let width = o.width ?? Swift.max(contentW, b.measure(title, titleFont).width + 2 * margin, b.measure(subtitle, body).width + 2 * margin)
        let sideH = below ? 0 : headerH + side.height(maxWidth: 230)
        let height = o.height ?? (margin + titleH + Swift.max(gridH + legendH, sideH) + margin)
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        _ = b.title(title, subtitle: subtitle, margin: margin, top: margin)

        let top = margin + titleH
        for i in 0..<n {
            let row = i / columns, col = i % columns
            let x = margin + ax.left + Double(col) * pitch
            let y = top + Double(row) * (headerH + P + xLabels + Self.rowGap)
            let frame = Rect(x: x, y: y + headerH, width: P, height: P)
            let hasBelow = i + columns < n
            drawPanel(i, frame: frame, side: P, stats: useShort ? shortStats[i] : longStats[i], leftColumn: col == 0, bottom: !hasBelow,
                      into: &b)
        }
        if below {
            side.draw(into: &b, at: Point(margin + ax.left, top + gridH + 20), maxWidth: Swift.max(200, gridW))
        } else {
            side.draw(into: &b, at: Point(margin + gridW + 28, top + headerH), maxWidth: 230)
        }
        return b.scene
    }

    /// One panel: title and statistics above, the field, boundary and points, ticks, and the outer tick labels.
    private func drawPanel(_ i: Int, frame: Rect, side: Double, stats: String, leftColumn: Bool, bottom: Bool, into b: inout SceneBuilder) {
        let s = snapshots[i], p = plot(i, side: side)
        let name = panelTitle(i)
        let small = b.font(TextSize.small), bold = b.font(TextSize.body, bold: true), body = b.font(TextSize.body)
        b.text(name, at: Point(frame.x, frame.y - 6 - b.measure("Ag", small).height - 2), font: bold, baseline: .bottom,
                       role: "panel-title", name: name)
        b.text(stats, at: Point(frame.x, frame.y - 4), font: small, color: b.theme.mutedText, baseline: .bottom,
               role: "panel-stats", name: name)
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
