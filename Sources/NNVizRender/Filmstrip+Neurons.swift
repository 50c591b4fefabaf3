import NNVizEngine
import NNVizScene

extension Filmstrip {
    /// Hidden neurons drawn per row at most; wider networks show the first ones and say how many are left out.
    static let neuronLimit = 32
    /// Gap between hidden-neuron plots, the extra gap where a new layer begins, and the gap after the output panel.
    static let thumbGap = 8.0, layerGap = 10.0, outputGap = 22.0

    /// The hidden neurons row `i` draws, layer by layer (at most `neuronLimit`).
    public func neuronEntries(_ i: Int) -> [(layer: Int, neuron: Int)] {
        let net = snapshots[i].network
        guard snapshots[i].field.hidden.count >= net.layers.count - 1 else { return [] }
        var out: [(layer: Int, neuron: Int)] = []
        for l in 0..<Swift.max(0, net.layers.count - 1) {
            for j in 0..<net.layers[l].fanOut where out.count < Self.neuronLimit { out.append((l, j)) }
        }
        return out
    }

    /// Hidden neurons per layer of row `i`, in order, as drawn.
    func neuronGroups(_ i: Int) -> [Int] {
        var sizes: [Int] = [], last = -1
        for e in neuronEntries(i) { if e.layer == last { sizes[sizes.count - 1] += 1 } else { sizes.append(1); last = e.layer } }
        return sizes
    }

    /// One colour scale per hidden activation, shared by every network's neurons of that activation (the values of
    /// all of them decide an unbounded scale), in the order the activations first appear.
    var hiddenScales: [(activation: Activation, scale: ColorScale)] {
        var order: [Activation] = []
        var values: [Activation: [Float]] = [:]
        for s in snapshots {
            let net = s.network
            for l in 0..<Swift.max(0, net.layers.count - 1) where l < s.field.hidden.count {
                let a = net.layers[l].activation
                if values[a] == nil { order.append(a) }
                values[a, default: []].append(contentsOf: s.field.hidden[l])
            }
        }
        return order.map { a in
            (a, RegionPlot.scale(a, values: values[a] ?? [], label: "hidden " + a.label, print: options.palette == .print))
        }
    }

    /// Rows of networks: each row its output panel (title and statistics above), then its hidden neurons' plots in
    /// `k` rows beside it, a layer per group of columns; the legend with one colour bar per hidden activation right of
    /// the rows or below them. On a given canvas the output side, the plot rows and the legend's place are chosen
    /// for the largest output panel that fits.
    func neuronRowsScene(measurer: any TextMeasurer) -> Scene {
        let o = options
        var b = SceneBuilder(width: 1, height: 1, options: o, measurer: measurer)
        let first = snapshots[0]
        let margin = 24.0, n = snapshots.count
        let body = b.font(TextSize.body), small = b.font(TextSize.small), bold = b.font(TextSize.body, bold: true)
        let titleFont = b.font(TextSize.title, bold: true)
        let title = o.title ?? "Decision regions compared"
        let subtitle = first.network.inputLabels[first.field.xInput] + " × " + first.network.inputLabels[first.field.yInput]
            + " · " + (panelsDescription ?? "\(n) networks on one colour scale")
        var titleH = 0.0
        if !title.isEmpty { titleH += b.measure(title, titleFont).height + 4 }
        titleH += b.measure(subtitle, body).height + 4 + 14
        let ax = PlotAxes.margins(in: b)
        let lh = b.measure("0", small).height, th = b.measure("Ag", body).height
        let xLabels = lh + 8, xTitleBand = th + 6
        let headerH = b.measure("Ag", bold).height + 2 + lh + 6
        let thumbTitleH = lh + 3
        let stats = (0..<n).map { i in
            let net = snapshots[i].network, shown = neuronEntries(i).count
            let hidden = net.layers.dropLast().reduce(0) { $0 + $1.fanOut }
            return panelStats(i, short: false) + (shown < hidden ? " · first \(shown) of \(hidden) hidden neurons" : "")
        }
        let headerW = (0..<n).map { i in Swift.max(b.measure(panelTitle(i), bold).width, b.measure(stats[i], small).width) }
        let groups = (0..<n).map(neuronGroups)
        let scales = hiddenScales

        func legend(_ below: Bool, plot P: Double) -> LegendFlow {
            var flow = plot(n - 1, side: P).sideBlocks(b, plotHeight: below ? 240 : Swift.max(120, 2 * P), horizontal: below)
            for (a, s) in scales {
                let bar = ColorBar(scale: s, title: s.label, length: below ? 150 : Swift.min(160, Swift.max(90, P * 0.6)),
                                   orientation: below ? .horizontal : .vertical, name: "hidden " + a.label)
                let size = bar.size(in: b)
                flow.append(.init(width: size.width, height: size.height) { b, o in bar.draw(into: &b, at: o) })
            }
            return flow
        }
        /// The side of a hidden neuron's plot when `k` of them stack beside an output panel of side `P`.
        func thumbSide(_ P: Double, _ k: Int) -> Double {
            Swift.min(P * 0.5, ((P - Double(k - 1) * Self.thumbGap) / Double(k) - thumbTitleH).rounded(.down))
        }
        func thumbsWidth(_ i: Int, _ k: Int, _ t: Double) -> Double {
            let cols = groups[i].reduce(0) { $0 + ($1 + k - 1) / k }
            guard cols > 0 else { return 0 }
            return Double(cols) * (t + Self.thumbGap) - Self.thumbGap + Double(groups[i].count - 1) * Self.layerGap
        }
        func rowsWidth(_ P: Double, _ k: Int) -> Double {
            let t = thumbSide(P, k)
            return (0..<n).map { i in
                let w = thumbsWidth(i, k, t)
                return Swift.max(headerW[i], P + (w > 0 ? Self.outputGap + w : 0))
            }.max() ?? P
        }
        let rowsH = { (P: Double) in Double(n) * (headerH + P) + Double(n - 1) * Self.rowGap + xLabels + xTitleBand }
        let maxK = Swift.max(1, (groups.map { $0.max() ?? 0 }.max() ?? 1))

        struct Arrangement { var below: Bool; var side: Double; var k: Int }
        let naturalBelow = (o.height ?? 0) > (o.width ?? .infinity)
        var chosen = Arrangement(below: naturalBelow, side: Self.defaultSide, k: 1)
        if o.width == nil && o.height == nil {
            // Plots of about 80 a side in two rows; more rows when the widest network would run very wide.
            for k in 1...Swift.min(4, maxK) {
                chosen.k = k
                if thumbSide(Self.defaultSide, k) <= 90 && rowsWidth(Self.defaultSide, k) <= 1100 { break }
            }
        } else {
            var best: (Arrangement, Double)?
            for below in [naturalBelow, !naturalBelow] {
                for k in 1...Swift.min(6, maxK) {
                    var P = Swift.min(2 * Self.defaultSide, (o.height ?? 4 * Self.defaultSide)).rounded(.down)
                    while P >= Self.minimumSide {
                        let t = thumbSide(P, k)
                        let side = legend(below, plot: P)
                        let sideW = below ? 0 : 28 + side.width(maxWidth: 230)
                        let w = 2 * margin + ax.left + rowsWidth(P, k) + sideW
                        let legendH = below ? 20 + side.height(maxWidth: Swift.max(200, (o.width ?? 800) - 2 * margin)) : 0
                        let h = 2 * margin + titleH + Swift.max(rowsH(P), below ? 0 : headerH + side.height(maxWidth: 230)) + legendH
                        if t >= 20, o.width.map({ w <= $0 }) ?? true, o.height.map({ h <= $0 }) ?? true {
                            // A larger output panel first; small neuron plots and a legend out of its usual place cost a little.
                            let score = P + Swift.min(t, 60) * 0.5 - (below != naturalBelow ? 6 : 0)
                            if best.map({ score > $0.1 }) ?? true { best = (Arrangement(below: below, side: P, k: k), score) }
                            break
                        }
                        P -= P > 200 ? 8 : 4
                    }
                }
            }
            // Nothing fits: drawn at the smallest side, so the layout check sees the overflow and names the minimum.
            chosen = best?.0 ?? Arrangement(below: naturalBelow, side: Self.minimumSide, k: Swift.min(4, maxK))
        }
        let P = chosen.side, k = chosen.k, below = chosen.below
        let t = Swift.max(12, thumbSide(P, k))
        let side = legend(below, plot: P)
        let sideW = side.width(maxWidth: 230)
        let gridW = ax.left + rowsWidth(P, k)
        let legendH = below ? 20 + side.height(maxWidth: Swift.max(200, (o.width ?? gridW + 2 * margin) - 2 * margin)) : 0
        let contentW = margin + gridW + (below ? 0 : 28 + sideW) + margin
        let width = o.width ?? Swift.max(contentW, b.measure(title, titleFont).width + 2 * margin, b.measure(subtitle, body).width + 2 * margin)
        let height = o.height ?? (margin + titleH + Swift.max(rowsH(P), below ? 0 : headerH + side.height(maxWidth: 230)) + legendH + margin)
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        _ = b.title(title, subtitle: subtitle, margin: margin, top: margin)

        let top = margin + titleH
        var y = top
        for i in 0..<n {
            let x = margin + ax.left
            let frame = Rect(x: x, y: y + headerH, width: P, height: P)
            drawPanel(i, frame: frame, side: P, stats: stats[i], compact: false, leftColumn: true, bottom: i == n - 1, into: &b)
            drawNeurons(i, x: frame.maxX + Self.outputGap, y: frame.y, side: t, rows: k, scales: scales, into: &b)
            y += headerH + P + Self.rowGap
        }
        if below {
            side.draw(into: &b, at: Point(margin + ax.left, top + rowsH(P) + 20), maxWidth: Swift.max(200, width - 2 * margin - ax.left))
        } else {
            side.draw(into: &b, at: Point(margin + gridW + 28, top + headerH), maxWidth: 230)
        }
        return b.scene
    }

    /// Row `i`'s hidden neurons from (`x`, `y`): `rows` plots of side `side` a column, a new column group per layer,
    /// each titled with the neuron's label, shaded on its activation's shared scale (`hiddenScales`).
    private func drawNeurons(_ i: Int, x x0: Double, y y0: Double, side t: Double, rows k: Int,
                             scales: [(activation: Activation, scale: ColorScale)], into b: inout SceneBuilder) {
        let s = snapshots[i], net = s.network
        let small = b.font(TextSize.small)
        let thumbTitleH = b.measure("0", small).height + 3
        let entries = neuronEntries(i)
        var x = x0, column = 0, row = 0, layer = entries.first?.layer ?? 0
        for e in entries {
            if e.layer != layer {
                x += t + Self.thumbGap + Self.layerGap; row = 0; column = 0; layer = e.layer
            } else if row == k {
                x += t + Self.thumbGap; row = 0; column += 1
            }
            let L = net.layers[e.layer]
            let label = L.neuronLabels[e.neuron]
            let name = panelTitle(i) + " · " + L.name + " · " + label
            let ty = y0 + Double(row) * (thumbTitleH + t + Self.thumbGap)
            b.text(label, at: Point(x, ty), font: small, baseline: .top, role: "thumb-title", name: name)
            guard let scale = scales.first(where: { $0.activation == L.activation })?.scale else { continue }
            ThumbnailGrid.drawField(&b, field: s.field, layer: e.layer, neuron: e.neuron, width: L.fanOut, scale: scale,
                                    centre: L.activation.decisionThreshold, frame: Rect(x: x, y: ty + thumbTitleH, width: t, height: t),
                                    name: name)
            row += 1
        }
    }
}
