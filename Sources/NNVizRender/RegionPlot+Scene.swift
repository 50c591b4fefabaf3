import NNVizEngine
import NNVizScene

extension RegionPlot {
    public func scene(measurer: any TextMeasurer) -> Scene {
        let o = options.figure
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        let margin = 24.0
        let P = options.plotSide
        let body = b.font(TextSize.body)
        let title = o.title ?? (network.name + " · decision regions")
        var subtitle = network.inputLabels[field.xInput] + " × " + network.inputLabels[field.yInput]
            + " · \(field.resolution)×\(field.resolution) evaluations"
        if !sliceText.isEmpty { subtitle += " · " + sliceText }
        let ax = PlotAxes.margins(in: b)
        let titleH = b.measure(title, b.font(TextSize.title, bold: true)).height + 8 + b.measure(subtitle, body).height + 18
        let frame = Rect(x: margin + ax.left, y: margin + titleH, width: P, height: P)
        let side = sideBlocks(b, plotHeight: P)
        let sideX = frame.maxX + 28
        let sideW = side.width(maxWidth: 230)
        var thumbs = ThumbnailGrid(plot: self, b: b, origin: Point(sideX + sideW + 36, frame.y), maxHeight: P)
        if !options.neurons { thumbs.entries = [] }
        let width = o.width ?? Swift.max(thumbs.entries.isEmpty ? sideX + sideW + margin : thumbs.maxX + margin,
                                         b.measure(title, b.font(TextSize.title, bold: true)).width + 2 * margin,
                                         b.measure(subtitle, body).width + 2 * margin)
        let height = o.height ?? Swift.max(frame.maxY + ax.bottom, thumbs.maxY) + margin
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        _ = b.title(title, subtitle: subtitle, margin: margin, top: margin)

        let axes = PlotAxes(frame: frame, x: field.xRange, y: field.yRange, xTitle: network.inputLabels[field.xInput],
                            yTitle: network.inputLabels[field.yInput], name: "main")
        b.add(.raster(fieldRaster(), frame: frame, smooth: false), role: "field", name: "output")
        drawContours(&b, axes)
        drawPoints(&b, axes)
        axes.draw(into: &b)
        side.draw(into: &b, at: Point(sideX, frame.y), maxWidth: 230)
        thumbs.draw(into: &b)
        return b.scene
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
