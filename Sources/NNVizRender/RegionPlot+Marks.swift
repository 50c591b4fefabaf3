import NNVizEngine
import NNVizScene

extension RegionPlot {
    /// Marker shape of class `k` (circle, square, triangle, diamond), so classes differ in greyscale too.
    static func marker(_ k: Int, at p: Point, size s: Double) -> Path {
        var path = Path()
        switch ((k % 4) + 4) % 4 {
        case 0:
            let c = 0.5523 * s
            path.move(to: Point(p.x + s, p.y))
            path.curve(to: Point(p.x, p.y + s), c1: Point(p.x + s, p.y + c), c2: Point(p.x + c, p.y + s))
            path.curve(to: Point(p.x - s, p.y), c1: Point(p.x - c, p.y + s), c2: Point(p.x - s, p.y + c))
            path.curve(to: Point(p.x, p.y - s), c1: Point(p.x - s, p.y - c), c2: Point(p.x - c, p.y - s))
            path.curve(to: Point(p.x + s, p.y), c1: Point(p.x + c, p.y - s), c2: Point(p.x + s, p.y - c))
        case 1:
            let h = s * 0.88
            path.move(to: Point(p.x - h, p.y - h)); path.line(to: Point(p.x + h, p.y - h))
            path.line(to: Point(p.x + h, p.y + h)); path.line(to: Point(p.x - h, p.y + h))
        case 2:
            path.move(to: Point(p.x, p.y - 1.2 * s)); path.line(to: Point(p.x + 1.1 * s, p.y + 0.8 * s))
            path.line(to: Point(p.x - 1.1 * s, p.y + 0.8 * s))
        default:
            path.move(to: Point(p.x, p.y - 1.25 * s)); path.line(to: Point(p.x + 1.1 * s, p.y))
            path.line(to: Point(p.x, p.y + 1.25 * s)); path.line(to: Point(p.x - 1.1 * s, p.y))
        }
        path.close()
        return path
    }

    /// Data points inside the plot, coloured and shaped by class with an outline; misclassified ones crossed.
    func drawPoints(_ b: inout SceneBuilder, _ axes: PlotAxes) {
        guard let d = data, d.rows > 0 else { return }
        let s = markerSize ?? (d.rows > 200 ? 3.5 : 6.0)
        let outline = Stroke(b.theme.pointOutline, width: d.rows > 200 ? 0.8 : 1.5)
        // Crosses behind misclassified points, their arms reaching out past the marker.
        let c = s * 2
        for i in 0..<d.rows {
            let vx = d[i, field.xInput], vy = d[i, field.yInput]
            guard vx.isFinite, vy.isFinite, axes.x.contains(vx), axes.y.contains(vy) else { continue }
            let k = i < labels.count ? labels[i] : 0
            guard let pr = predicted(i), pr != k else { continue }
            let p = axes.point(vx, vy)
            for (w, col) in [(4.0, b.theme.background), (2.0, b.theme.text)] {
                var path = Path()
                path.move(to: Point(p.x - c, p.y - c)); path.line(to: Point(p.x + c, p.y + c))
                path.move(to: Point(p.x - c, p.y + c)); path.line(to: Point(p.x + c, p.y - c))
                b.add(.path(path, fill: nil, stroke: Stroke(col, width: w)), role: "misclassified", name: "#\(i)")
            }
        }
        for i in 0..<d.rows {
            let vx = d[i, field.xInput], vy = d[i, field.yInput]
            guard vx.isFinite, vy.isFinite, axes.x.contains(vx), axes.y.contains(vy) else { continue }
            let k = i < labels.count ? labels[i] : 0
            b.add(.path(RegionPlot.marker(k, at: axes.point(vx, vy), size: s), fill: classColor(k), stroke: outline),
                  role: "point", name: "class \(k) #\(i)")
        }
    }

    /// Number of data points whose predicted class differs from their label.
    var misclassifiedCount: Int {
        guard let d = data else { return 0 }
        return (0..<d.rows).filter { i in predicted(i).map { $0 != (i < labels.count ? labels[i] : 0) } ?? false }.count
    }

    /// The blocks right of the plot: colour bar or class key, data classes, misclassified marker, boundary.
    func sideBlocks(_ b: SceneBuilder, plotHeight: Double, horizontal: Bool = false) -> LegendFlow {
        var flow = LegendFlow(gap: 22)
        let f = b.font(TextSize.small)
        let lineH = Swift.max(b.measure("Ag", f).height, 16) + 4
        if showsColorBar, let s = outputScale {
            let bar = ColorBar(scale: s, title: s.label + " (" + outputActivation.label + ")",
                               length: horizontal ? 150 : Swift.min(220, plotHeight * 0.5),
                               orientation: horizontal ? .horizontal : .vertical, name: "output")
            let size = bar.size(in: b)
            flow.append(.init(width: size.width, height: size.height) { b, o in bar.draw(into: &b, at: o) })
        }
        var entries: [(String, (inout SceneBuilder, Point) -> Void)] = []
        let classes: [Int]
        if field.outputCount > 1 {
            classes = Array(0..<field.outputCount)
        } else {
            classes = Array(Set(labels)).sorted()
        }
        let hasData = data.map { $0.rows > 0 } ?? false
        for k in classes {
            let name = className(k)
            let col = classColor(k)
            entries.append((name, { b, p in
                if field.outputCount > 1 {
                    b.add(.rect(Rect(x: p.x - 7, y: p.y - 7, width: 14, height: 14), fill: Color.mix(.white, col, 0.7), stroke: nil,
                                cornerRadius: 2), role: "legend", name: "region " + name)
                }
                if hasData || field.outputCount == 1 {
                    b.add(.path(RegionPlot.marker(k, at: p, size: 5), fill: col, stroke: Stroke(b.theme.pointOutline, width: 1.2)),
                          role: "legend", name: "class " + name)
                }
            }))
        }
        if hasData && trace != nil {
            entries.append((countsMisclassified ? "misclassified (\(misclassifiedCount))" : "misclassified", { b, p in
                var path = Path()
                path.move(to: Point(p.x - 6, p.y - 6)); path.line(to: Point(p.x + 6, p.y + 6))
                path.move(to: Point(p.x - 6, p.y + 6)); path.line(to: Point(p.x + 6, p.y - 6))
                b.add(.path(path, fill: nil, stroke: Stroke(b.theme.text, width: 2)), role: "legend", name: "misclassified")
            }))
        }
        let boundary = field.outputCount == 1 && showsColorBar ? "decision boundary (output = " + LabelFormat.fixed(outputActivation.decisionThreshold, 1) + ")"
            : "class boundary"
        entries.append((boundary, { b, p in
            b.add(.line(from: Point(p.x - 9, p.y), to: Point(p.x + 9, p.y),
                        stroke: Stroke(b.theme.name == .light ? Color(hex: "#1f2328")! : .white, width: 2)), role: "legend", name: "boundary")
        }))
        if field.outputCount > 1 { entries.append(("paler = smaller margin to the runner-up", { _, _ in })) }
        let w = entries.map { 26 + b.measure($0.0, f).width }.max() ?? 0
        if !entries.isEmpty {
            flow.append(.init(width: w, height: Double(entries.count) * lineH) { b, o in
                for (i, e) in entries.enumerated() {
                    let y = o.y + (Double(i) + 0.5) * lineH
                    e.1(&b, Point(o.x + 9, y))
                    b.text(e.0, at: Point(o.x + 26, y), font: f, baseline: .middle, role: "legend", name: e.0)
                }
            })
        }
        return flow
    }
}
