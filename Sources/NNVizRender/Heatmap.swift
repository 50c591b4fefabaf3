import NNVizEngine
import NNVizScene

/// Heatmaps of a trace (rows samples, columns neurons, one panel per layer, shared row axis) or of the
/// weight matrices (colour or Hinton squares). Each panel has its own colour bar with tick values.
///
/// Roles: `panel-title`, `cell` (name `layer 1[r,c]`, r = displayed row), `cells` (one nearest-neighbour raster
/// per panel above the pixel budget), `cell-value`, `hinton`, `row-label`, `col-label`, `colorbar`.
public struct Heatmap: Figure {
    public let network: Network
    public let trace: Trace?
    public var options: HeatmapOptions

    /// Most cells drawn as separate rectangles per panel; larger panels become one raster.
    public static let cellBudget = 6000

    public init(network: Network, trace: Trace? = nil, options: HeatmapOptions = HeatmapOptions()) {
        self.network = network; self.trace = trace; self.options = options
    }

    var panels: [HeatmapPanel] { options.mode == .activations ? activationPanels() : weightPanels() }

    var subtitle: String {
        switch options.mode {
        case .activations:
            let n = trace?.batchSize ?? 0
            var s = "\(n) sample\(n == 1 ? "" : "s") · " + (options.pre ? "pre-activations z" : "activations a")
            if options.sort { s += " · sorted by predicted class" }
            return s
        case .weights: return "weight matrices: rows are a layer's inputs, columns its neurons"
        case .hinton: return "Hinton diagram: square area ∝ |w|, colour = sign"
        }
    }

    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = options.figure
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        var ps = panels
        let margin = 24.0, gap = 30.0
        let small = b.font(TextSize.small), hf = b.font(TextSize.header, bold: true), body = b.font(TextSize.body)
        let narrow = o.width.map { $0 < naturalWidth(b, ps) } ?? false
        if narrow, options.mode == .activations {
            // Short of width: samples are labelled by their number alone (the inputs are in the table and report).
            for i in ps.indices { ps[i].rowLabels = ps[i].rowLabels.map { String($0.prefix { $0 != " " }) } }
        }
        let lineH = b.measure("Ag", small).height
        let title = o.title ?? (network.name + (options.mode == .activations ? " · activations" : " · weights"))
        let shared = options.mode == .activations
        let square = options.mode != .activations
        let maxRows = ps.map(\.rows).max() ?? 1
        let totalCols = ps.reduce(0) { $0 + $1.cols }
        let rowLabelW: [Double] = ps.map { p in
            (p.rowLabels.map { b.measure($0, small).width }.max() ?? 0) + 8 + b.measure("Ag", body).height + 6
        }
        let leftW = shared ? (rowLabelW.first ?? 0) : 0
        let bars = ps.map { ColorBar(scale: $0.scale, title: $0.scale.label, length: narrow ? 80 : 120, name: $0.name) }
        let hinton = options.mode == .hinton ? ps.first.map { hintonLegend(b, $0.scale) } : nil
        var barH = bars.map { $0.size(in: b).height }.max() ?? 0
        let minPanelW = Swift.max(narrow ? 90 : 140, bars.map { $0.size(in: b).width }.max() ?? 0)
        let titleW = ps.map { b.measure($0.title, hf).width }
        // Cell sizes: from the content, or from the given width and height.
        var cw = Swift.min(48, Swift.max(0.5, 720 / Double(Swift.max(1, totalCols))))
        var ch = Swift.min(26, Swift.max(0.25, 440 / Double(maxRows)))
        if square { let s = Swift.min(46, 960 / Double(Swift.max(1, totalCols)), Swift.max(0.5, Swift.min(46, 480 / Double(maxRows)))); cw = s; ch = s }
        if let w = o.width {
            let fixed = 2 * margin + leftW + gap * Double(ps.count - 1) + (shared ? 0 : rowLabelW.reduce(0, +))
            // The widest cells whose panels (each at least its colour bar's and title's width) fill the width.
            let floors = ps.indices.map { Swift.max(minPanelW, titleW[$0]) }
            func total(_ c: Double) -> Double { zip(ps, floors).reduce(0) { $0 + Swift.max(Double($1.0.cols) * c, $1.1) } }
            var lo = 0.25, hi = Swift.max(0.25, w)
            for _ in 0..<50 { let mid = (lo + hi) / 2; if total(mid) <= w - fixed { lo = mid } else { hi = mid } }
            cw = lo
            if square { ch = Swift.min(ch, cw); cw = ch }
        }
        // Column labels: horizontal when they fit, rotated when cells are at least a line tall, else none.
        let maxColLabel = ps.flatMap(\.colLabels).map { b.measure($0, small).width }.max() ?? 0
        let colMode: Int = maxColLabel + 4 <= cw ? 1 : (cw >= lineH ? 2 : 0)
        let colLabelH = colMode == 1 ? lineH + 4 : (colMode == 2 ? Swift.min(maxColLabel, 90) + 6 : 0)
        var y = margin
        let titleBlockH = b.measure(title, b.font(TextSize.title, bold: true)).height + 8 + b.measure(subtitle, body).height + 14
        let panelTitleH = b.measure("Ag", hf).height + 6
        if let h = o.height {
            let avail = h - margin * 2 - titleBlockH - panelTitleH - colLabelH - barH - 24
            // Rows thinner than a pixel share it (the raster is block-averaged), so any height is honoured.
            ch = Swift.max(1e-4, avail / Double(maxRows))
            if square { let s = Swift.min(ch, cw); ch = s; cw = s }
        }
        // Panel widths: cells stretched to at least the colour bar's (and title's) width.
        let widths = ps.enumerated().map { i, p in Swift.max(Double(p.cols) * cw, square ? 0 : Swift.max(minPanelW, titleW[i])) }
        let slotW = ps.enumerated().map { i, p in Swift.max(widths[i], minPanelW, titleW[i]) + (shared ? 0 : rowLabelW[i]) }
        var width = o.width ?? (2 * margin + leftW + slotW.reduce(0, +) + gap * Double(Swift.max(0, ps.count - 1)))
        width = Swift.max(width, b.measure(title, b.font(TextSize.title, bold: true)).width + 2 * margin,
                          b.measure(subtitle, body).width + 2 * margin)
        var cellsH = Double(maxRows) * ch
        if let hinton { barH = hinton.height(maxWidth: width - 2 * margin) }
        var height = o.height ?? (margin + titleBlockH + panelTitleH + colLabelH + cellsH + 14 + barH + margin)
        if o.height == nil, !square, let cap = options.maxHeight, height > cap {
            // Too many rows for the automatic height: they share pixels (block-averaged) within `maxHeight`.
            ch = Swift.max(1e-4, (cap - (height - cellsH)) / Double(maxRows))
            cellsH = Double(maxRows) * ch
            height = margin + titleBlockH + panelTitleH + colLabelH + cellsH + 14 + barH + margin
        }
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        y = b.title(title, subtitle: subtitle, margin: margin, top: margin) + 10
        if ps.isEmpty {
            b.text(options.mode == .activations ? "no samples" + (options.figure.notes.noSamples.map { ": " + $0 } ?? "") : "no layers selected",
                   at: Point(margin, y + 10), font: body, color: b.theme.mutedText, baseline: .top, role: "note")
            return b.scene
        }
        let cellsTop = y + panelTitleH + colLabelH
        var x = margin + leftW
        for (i, p) in ps.enumerated() {
            if !shared { x += rowLabelW[i] }
            let pw = widths[i]
            let pcw = pw / Double(p.cols), pch = square ? pcw : ch
            let frame = Rect(x: x, y: cellsTop, width: pw, height: Double(p.rows) * pch)
            b.text(p.title, at: Point(x, y), font: hf, baseline: .top, role: "panel-title", name: p.name)
            drawColumnLabels(&b, p, frame, pcw, colMode)
            if i == 0 || !shared { drawRowLabels(&b, p, frame, pch, rowAxisTitle: shared ? "sample" : "input") }
            if options.mode == .hinton { drawHinton(&b, p, frame, pcw) } else { drawCells(&b, p, frame, pcw, pch) }
            b.add(.rect(frame, fill: nil, stroke: Stroke(b.theme.axis, width: 0.75), cornerRadius: 0), role: "panel-frame", name: p.name)
            let barY = (shared ? cellsTop + cellsH : frame.maxY) + 14
            if options.mode != .hinton { bars[i].draw(into: &b, at: Point(x, barY)) }
            x += Swift.max(pw, minPanelW, titleW[i]) + gap
        }
        // The Hinton key is one for every panel: below the tallest, wrapped to the canvas.
        hinton?.draw(into: &b, at: Point(margin + leftW, cellsTop + Double(maxRows) * ch + 14),
                     maxWidth: b.scene.width - 2 * margin - leftW)
        return b.scene
    }

    /// The narrowest width the panels take with full row labels and colour bars (cells one unit wide).
    func naturalWidth(_ b: SceneBuilder, _ ps: [HeatmapPanel]) -> Double {
        let small = b.font(TextSize.small), hf = b.font(TextSize.header, bold: true), body = b.font(TextSize.body)
        let shared = options.mode == .activations
        let labelW = ps.map { p in (p.rowLabels.map { b.measure($0, small).width }.max() ?? 0) + 14 + b.measure("Ag", body).height }
        let bars = ps.map { ColorBar(scale: $0.scale, title: $0.scale.label, length: 120, name: $0.name).size(in: b).width }
        let slots = ps.indices.map { Swift.max(140, bars[$0], b.measure(ps[$0].title, hf).width, Double(ps[$0].cols) * 12) }
        return 48 + (shared ? (labelW.first ?? 0) : labelW.reduce(0, +)) + slots.reduce(0, +) + 30 * Double(Swift.max(0, ps.count - 1))
    }
}
