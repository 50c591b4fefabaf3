import NNVizEngine
import NNVizScene

/// Small multiples of every hidden neuron's activation over the region plot's plane: one row group per
/// layer with its header and shared colour bar, each thumbnail titled with the neuron's label.
struct ThumbnailGrid {
    struct Entry { let layer: Int; let neuron: Int }

    let plot: RegionPlot
    var entries: [Entry]
    let origin: Point
    let side: Double
    let perRow: Int
    let gap = 14.0
    let titleH: Double
    let headerH: Double
    let barH: Double
    /// Most thumbnails drawn; wider networks show the first ones and say how many are left out.
    static let limit = 48

    init(plot: RegionPlot, b: SceneBuilder, origin: Point, maxHeight: Double, maxWidth: Double = .infinity) {
        self.plot = plot
        self.origin = origin
        var e: [Entry] = []
        for l in 0..<Swift.max(0, plot.network.layers.count - 1) {
            for j in 0..<plot.network.layers[l].fanOut where e.count < ThumbnailGrid.limit { e.append(Entry(layer: l, neuron: j)) }
        }
        entries = e
        let f = b.font(TextSize.small), hf = b.font(TextSize.body, bold: true)
        titleH = b.measure("Ag", f).height + 4
        headerH = b.measure("Ag", hf).height + 8
        let probe = ColorBar(scale: .diverging(center: 0, halfRange: 1), title: "a", length: 120)
        barH = probe.size(in: b).height + 10
        (perRow, side) = ThumbnailGrid.fit(groups: ThumbnailGrid.groupSizes(e), maxHeight: maxHeight, maxWidth: maxWidth,
                                           titleH: titleH, headerH: headerH, barH: barH, gap: gap)
    }

    /// Thumbnail counts per layer, in order.
    static func groupSizes(_ e: [Entry]) -> [Int] {
        var sizes: [Int] = []
        var last = -1
        for x in e { if x.layer == last { sizes[sizes.count - 1] += 1 } else { sizes.append(1); last = x.layer } }
        return sizes
    }

    /// The fewest columns whose thumbnails, at least `good` px a side, fill the main plot's height (and `maxWidth`);
    /// else the columns giving the largest side (never under `smallest`: the grid then grows taller than the plot).
    static func fit(groups: [Int], maxHeight: Double, maxWidth: Double = .infinity, titleH: Double, headerH: Double,
                    barH: Double, gap: Double) -> (perRow: Int, side: Double) {
        let largest = 180.0, good = 120.0, smallest = 48.0
        guard !groups.isEmpty else { return (1, largest) }
        var best = (perRow: 1, side: 0.0)
        for cols in 1...8 {
            let rows = groups.reduce(0) { $0 + ($1 + cols - 1) / cols }
            let fixed = groups.reduce(0.0) { acc, n in
                acc + headerH + barH + 10 + Double((n + cols - 1) / cols) * (titleH + gap)
            }
            let across = (maxWidth - Double(cols - 1) * gap) / Double(cols)
            let side = Swift.min(largest, across.rounded(.down), ((maxHeight - fixed) / Double(rows)).rounded(.down))
            if side >= good { return (cols, side) }
            if side > best.side { best = (cols, side) }
        }
        return (best.perRow, Swift.max(smallest, best.side))
    }

    var layerGroups: [(layer: Int, entries: [Entry])] {
        var out: [(layer: Int, entries: [Entry])] = []
        for e in entries {
            if out.last?.layer == e.layer { out[out.count - 1].entries.append(e) } else { out.append((e.layer, [e])) }
        }
        return out
    }

    func groupHeight(_ count: Int) -> Double {
        let rows = (count + perRow - 1) / perRow
        return headerH + Double(rows) * (titleH + side + gap) + barH
    }

    var maxX: Double {
        let cols = Swift.min(perRow, layerGroups.map(\.entries.count).max() ?? 0)
        return origin.x + Swift.max(Double(cols) * (side + gap) - gap, ThumbnailGrid.barLength(gridWidth: 0) + 20)
    }

    /// A layer's colour bar: as wide as its thumbnails less a margin for the end labels, 120…160 px.
    static func barLength(gridWidth: Double) -> Double { Swift.min(160, Swift.max(120, gridWidth - 30)) }

    var maxY: Double { origin.y + layerGroups.reduce(0) { $0 + groupHeight($1.entries.count) + 10 } }

    /// One hidden neuron's field in `frame`: its activation shaded on `scale` (raster, role `thumbnail`), its
    /// contour at the activation's threshold `centre` (`thumb-contour`) and a frame (`thumb-frame`), all named `name`.
    /// `width` is the layer's neuron count (the stride of `field.hidden[layer]`).
    static func drawField(_ b: inout SceneBuilder, field: GridField, layer: Int, neuron: Int, width w: Int, scale: ColorScale,
                          centre: Double, frame: Rect, name: String) {
        let hn = field.hiddenResolution
        let values = field.hidden[layer]
        let raster = FieldRaster.make(n: hn) { scale.color(Double(values[$0 * w + neuron])) }
        b.add(.raster(raster, frame: frame, smooth: false), role: "thumbnail", name: name)
        let lines = MarchingSquares.contour(n: hn, level: centre) { Double(values[($0 * hn + $1) * w + neuron]) }
        var path = Path()
        for line in lines where line.count >= 2 {
            for (i, p) in MarchingSquares.smoothed(line).enumerated() {
                let q = Point(frame.x + (p.x + 0.5) / Double(hn) * frame.width, frame.y + (p.y + 0.5) / Double(hn) * frame.height)
                if i == 0 { path.move(to: q) } else { path.line(to: q) }
            }
        }
        if !path.elements.isEmpty {
            b.add(.path(path, fill: nil, stroke: Stroke(b.theme.name == .light ? Color(hex: "#1f2328")! : .white, width: 1)),
                  role: "thumb-contour", name: name)
        }
        b.add(.rect(frame, fill: nil, stroke: Stroke(b.theme.axis, width: 0.75), cornerRadius: 0), role: "thumb-frame", name: name)
    }

    func draw(into b: inout SceneBuilder) {
        // A field evaluated without hidden fields (`hiddenResolution: 0`) has no thumbnails to draw.
        guard !entries.isEmpty, plot.field.hidden.count >= plot.network.layers.count - 1 else { return }
        let f = b.font(TextSize.small), hf = b.font(TextSize.body, bold: true)
        let field = plot.field
        var y = origin.y
        for g in layerGroups {
            let layer = plot.network.layers[g.layer]
            let values = field.hidden[g.layer]
            let w = layer.fanOut
            let scale = RegionPlot.scale(layer.activation, values: values, label: "activation (\(layer.activation.label))",
                                        print: plot.options.figure.palette == .print)
            let centre = layer.activation.decisionThreshold
            var header = layer.name + " · " + layer.activation.label
            if g.entries.count < w { header += " · first \(g.entries.count) of \(w)" }
            b.text(header, at: Point(origin.x, y), font: hf, baseline: .top, role: "thumb-header", name: layer.name)
            y += headerH
            for (k, e) in g.entries.enumerated() {
                let x = origin.x + Double(k % perRow) * (side + gap)
                let ty = y + Double(k / perRow) * (titleH + side + gap)
                let label = layer.neuronLabels[e.neuron]
                let name = layer.name + " · " + label
                b.text(label, at: Point(x, ty), font: f, baseline: .top, role: "thumb-title", name: name)
                let frame = Rect(x: x, y: ty + titleH, width: side, height: side)
                Self.drawField(&b, field: field, layer: g.layer, neuron: e.neuron, width: w, scale: scale, centre: centre,
                               frame: frame, name: name)
            }
            let rows = (g.entries.count + perRow - 1) / perRow
            y += Double(rows) * (titleH + side + gap)
            let gridWidth = Double(Swift.min(perRow, g.entries.count)) * (side + gap) - gap
            let bar = ColorBar(scale: scale, title: scale.label, length: ThumbnailGrid.barLength(gridWidth: gridWidth), name: layer.name)
            bar.draw(into: &b, at: Point(origin.x, y))
            y += barH + 10
        }
    }
}
