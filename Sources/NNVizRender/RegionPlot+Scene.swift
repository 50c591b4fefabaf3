import NNVizEngine
import NNVizScene

extension RegionPlot {
    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = options.figure
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        let margin = 24.0
        let body = b.font(TextSize.body)
        let title = o.title ?? (network.name + " · decision regions")
        var subtitle = network.inputLabels[field.xInput] + " × " + network.inputLabels[field.yInput]
            + " · \(field.resolution)×\(field.resolution) evaluations"
        if !sliceText.isEmpty { subtitle += " · " + sliceText }
        let ax = PlotAxes.margins(in: b)
        let titleFont = b.font(TextSize.title, bold: true)
        let titleH = b.measure(title, titleFont).height + 8 + b.measure(subtitle, body).height + 18
        let textW = Swift.max(b.measure(title, titleFont).width, b.measure(subtitle, body).width)
        let L = arrange(b, top: margin + titleH, margin: margin, axes: ax)
        let frame = Rect(x: margin + ax.left, y: margin + titleH, width: L.plot, height: L.plot)
        let width = o.width ?? Swift.max(L.width, textW + 2 * margin)
        let height = o.height ?? L.height
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        _ = b.title(title, subtitle: subtitle, margin: margin, top: margin)

        let axes = PlotAxes(frame: frame, x: field.xRange, y: field.yRange, xTitle: network.inputLabels[field.xInput],
                            yTitle: network.inputLabels[field.yInput], name: "main")
        b.add(.raster(fieldRaster(), frame: frame, smooth: false), role: "field", name: "output")
        drawContours(&b, axes)
        drawPoints(&b, axes)
        axes.draw(into: &b)
        if L.legendBeside {
            L.legend.draw(into: &b, at: Point(frame.maxX + 28, frame.y), maxWidth: 230)
        } else {
            L.legend.draw(into: &b, at: Point(margin, frame.maxY + ax.bottom + 16), maxWidth: L.contentWidth)
        }
        L.thumbs?.draw(into: &b)
        return b.scene
    }

    /// Where the parts of the figure go: the plot's side, the legend beside it or below it, the neuron thumbnails
    /// right of both or below everything, and the canvas that holds them.
    struct Arrangement {
        var plot: Double
        var legendBeside: Bool
        var legend: LegendFlow
        var thumbs: ThumbnailGrid?
        var width: Double
        var height: Double
        var contentWidth: Double
    }

    /// Measures every part, then places them: at the natural size the plot is `plotSide` with the legend and the
    /// thumbnails to its right; on a given canvas it tries legend beside or below and thumbnails right or below,
    /// and keeps the arrangement with the largest plot that fits (the plot never under 120).
    func arrangement(_ b: SceneBuilder, plot P: Double, legendBeside: Bool, thumbsBelow: Bool, top: Double, margin: Double,
                     axes ax: (left: Double, bottom: Double), maxWidth: Double?, maxHeight: Double?) -> Arrangement {
        let legend = sideBlocks(b, plotHeight: P, horizontal: !legendBeside)
        let besideW = legendBeside ? 28 + legend.width(maxWidth: 230) : 0
        let besideH = legendBeside ? legend.height(maxWidth: 230) : 0
        let plotBlockW = ax.left + P + besideW
        var contentW = plotBlockW
        var thumbs: ThumbnailGrid?
        var thumbsW = 0.0, thumbsH = 0.0
        if options.neurons {
            if thumbsBelow {
                let avail = (maxWidth.map { $0 - 2 * margin } ?? Swift.max(plotBlockW, 480))
                let probe = ThumbnailGrid(plot: self, b: b, origin: Point(0, 0), maxHeight: P, maxWidth: avail)
                thumbsW = probe.maxX; thumbsH = probe.maxY
            } else {
                let avail = maxWidth.map { $0 - 2 * margin - plotBlockW - 36 } ?? .infinity
                let probe = ThumbnailGrid(plot: self, b: b, origin: Point(0, 0), maxHeight: Swift.max(P, besideH), maxWidth: avail)
                thumbsW = probe.maxX; thumbsH = probe.maxY
            }
        }
        let hasThumbs = options.neurons && thumbsW > 0
        if hasThumbs && !thumbsBelow { contentW += 36 + thumbsW } else if hasThumbs { contentW = Swift.max(contentW, thumbsW) }
        let legendW = maxWidth.map { $0 - 2 * margin } ?? contentW
        let belowH = legendBeside ? 0 : 16 + legend.height(maxWidth: legendW)
        var bodyH = Swift.max(P + ax.bottom, besideH, hasThumbs && !thumbsBelow ? thumbsH : 0) + belowH
        let thumbsY = top + bodyH + 24
        if hasThumbs && thumbsBelow { bodyH += 24 + thumbsH }
        if !legendBeside { contentW = Swift.max(contentW, legend.width(maxWidth: legendW)) }
        if hasThumbs {
            let origin = thumbsBelow ? Point(margin, thumbsY) : Point(margin + plotBlockW + 36, top)
            let avail = thumbsBelow ? (maxWidth.map { $0 - 2 * margin } ?? Swift.max(plotBlockW, 480))
                                    : (maxWidth.map { $0 - 2 * margin - plotBlockW - 36 } ?? .infinity)
            thumbs = ThumbnailGrid(plot: self, b: b, origin: origin, maxHeight: thumbsBelow ? P : Swift.max(P, besideH), maxWidth: avail)
        }
        return Arrangement(plot: P, legendBeside: legendBeside, legend: legend, thumbs: thumbs,
                           width: contentW + 2 * margin, height: top + bodyH + margin, contentWidth: legendW)
    }

    func arrange(_ b: SceneBuilder, top: Double, margin: Double, axes: (left: Double, bottom: Double)) -> Arrangement {
        let o = options.figure
        let natural = arrangement(b, plot: options.plotSide, legendBeside: true, thumbsBelow: false, top: top, margin: margin,
                                  axes: axes, maxWidth: nil, maxHeight: nil)
        guard o.width != nil || o.height != nil else { return natural }
        func fits(_ a: Arrangement) -> Bool {
            (o.width.map { a.width <= $0 + 0.5 } ?? true) && (o.height.map { a.height <= $0 + 0.5 } ?? true)
        }
        let largest = Swift.min(o.width ?? 960, o.height ?? 960, 960)
        var best: Arrangement?
        let layouts: [(Bool, Bool)] = options.neurons ? [(true, false), (false, false), (true, true), (false, true)] : [(true, false), (false, false)]
        for (beside, below) in layouts {
            var P = largest.rounded(.down)
            while P >= 120 {
                let a = arrangement(b, plot: P, legendBeside: beside, thumbsBelow: below, top: top, margin: margin, axes: axes,
                                    maxWidth: o.width, maxHeight: o.height)
                if fits(a) {
                    if a.plot > (best?.plot ?? 0) { best = a }
                    break
                }
                P -= P > 300 ? 16 : 6
            }
        }
        return best ?? arrangement(b, plot: 120, legendBeside: true, thumbsBelow: false, top: top, margin: margin, axes: axes,
                                   maxWidth: o.width, maxHeight: o.height)
    }

    /// The shaded field: a diverging map of the single output, or class colours lightened by low margin.
    func fieldRaster() -> Raster {
        let field = self.field, n = field.resolution
        if let s = outputScale {
            let values = field.values
            return FieldRaster.make(n: n) { s.color(Double(values[$0])) }
        }
        var maxMargin: Float = 0
        for m in field.margins where m.isFinite { maxMargin = Swift.max(maxMargin, m) }
        let norm = Double(sharedMaxMargin ?? (maxMargin > 0 ? maxMargin : 1))
        let colors = (0..<Swift.max(1, field.outputCount)).map(classColor)
        let margins = field.margins, classes = field.classes
        return FieldRaster.make(n: n) { i in
            let t = Swift.min(1, Double(margins[i]) / norm)
            return Color.mix(.white, colors[Int(classes[i]) % colors.count], 0.22 + 0.6 * t)
        }
    }

    /// The decision boundary: the single output at its neutral value, or each class region's outline.
    func drawContours(_ b: inout SceneBuilder, _ axes: PlotAxes) {
        let n = field.resolution
        let stroke = Stroke(b.theme.name == .light ? Color(hex: "#1f2328")! : .white, width: 2)
        func emit(_ lines: [[(x: Double, y: Double)]], name: String) {
            var path = Path()
            for line in lines where line.count >= 2 {
                for (k, p) in MarchingSquares.smoothed(line).enumerated() {
                    let q = Point(axes.frame.x + (p.x + 0.5) / Double(n) * axes.frame.width,
                                  axes.frame.y + (p.y + 0.5) / Double(n) * axes.frame.height)
                    if k == 0 { path.move(to: q) } else { path.line(to: q) }
                }
            }
            if !path.elements.isEmpty { b.add(.path(path, fill: nil, stroke: stroke), role: "contour", name: name) }
        }
        if field.outputCount == 1 {
            let c = outputActivation.decisionThreshold
            emit(MarchingSquares.contour(n: n, level: c) { Double(field.values[$0 * n + $1]) }, name: LabelFormat.fixed(c, 1))
        } else {
            var present = Set<UInt8>()
            for k in field.classes { present.insert(k) }
            // Each class's outline at signed margin 0; the last class's outline is covered by the others'.
            for k in present.sorted().dropLast() {
                let lines = MarchingSquares.contour(n: n, level: 0) { r, c in
                    let i = r * n + c
                    return field.classes[i] == k ? Double(field.margins[i]) : -Double(field.margins[i])
                }
                emit(lines, name: "class \(k)")
            }
        }
    }
}
