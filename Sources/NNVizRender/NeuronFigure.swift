import NNVizEngine
import NNVizScene

/// The anatomy of one neuron for one sample, the lesson's warm-up card as a figure: a table of each input `xᵢ`,
/// its weight `wᵢ` and the product `xᵢ·wᵢ`, then the sum, the bias, `z` and the output, all with the real numbers;
/// beside it the activation's curve with `z` marked on it.
///
/// Roles: `input-label`, `input-value`, `weight`, `product` (name = the input's label), `column-header`, `sum`,
/// `bias`, `z`, `output` (value texts), `total-label`, `equation`, `curve` (path), `z-mark` (circle), `z-guide`
/// (dashed lines), `z-label`, `elision`, plus the axes' roles.
public struct NeuronFigure: Figure {
    public let network: Network
    public let anatomy: NeuronAnatomy
    /// The sample, as given, for the subtitle.
    public let sample: [Double]
    /// At most this many decimals, trailing zeros dropped (`LabelFormat.trimmed`).
    public let precision: Int
    public var options: FigureOptions

    /// Inputs listed one per row at most; wider layers show the first `maxRows − 1` and a count of the rest.
    public static let maxRows = 12

    public init(network: Network, anatomy: NeuronAnatomy, sample: [Double], precision: Int = 3, options: FigureOptions = FigureOptions()) {
        self.network = network; self.anatomy = anatomy; self.sample = sample
        self.precision = Swift.max(0, Swift.min(precision, 12)); self.options = options
    }

    func number(_ v: Double) -> String { LabelFormat.trimmed(v, precision) }

    /// The rows of the table when at most `limit` fit: indices of the inputs shown, and how many are left out.
    func shownRows(limit: Int = NeuronFigure.maxRows) -> (indices: [Int], hidden: Int) {
        let n = anatomy.inputs.count, m = Swift.max(2, limit)
        guard n > m else { return (Array(0..<n), 0) }
        return (Array(0..<(m - 1)), n - m + 1)
    }

    /// `z = 0.2 + (−0.18) + 0.07 + 0.1 = 0.19`, for neurons of at most six inputs.
    public var equation: String? {
        guard anatomy.inputs.count <= 6 else { return nil }
        let terms = (anatomy.products + [anatomy.bias]).enumerated().map { i, v in
            let s = number(v)
            return i > 0 && s.hasPrefix(LabelFormat.minus) ? "(" + s + ")" : s
        }
        return "z = " + terms.joined(separator: " + ") + " = " + number(anatomy.z)
    }

    /// `σ(0.19) = 0.547`.
    public var outputText: String {
        ActivationFormula.applied(anatomy.activation, number(anatomy.z)) + " = " + number(anatomy.output)
    }

    public func scene(measurer: any TextMeasurer) -> Scene {
        var b = SceneBuilder(width: 1, height: 1, options: options, measurer: measurer)
        let a = anatomy
        let margin = 24.0
        let body = b.font(TextSize.body), bold = b.font(TextSize.body, bold: true), big = b.font(TextSize.header, bold: true)
        let small = b.font(TextSize.small)
        let title = options.title ?? "Neuron \(a.neuronLabel) of \(network.name)"
        let shownSample = sample.prefix(6).map(number).joined(separator: ", ") + (sample.count > 6 ? ", …" : "")
        let subtitle = "layer \(a.layerName) · \(a.activation.label) · sample (\(shownSample))"

        // The table's columns: label, x, w, product; numbers aligned on the decimal point. A given height limits the
        // rows listed (the totals always show).
        let rowH0 = b.measure("Ag", body).height + 8
        let titleH0 = (title.isEmpty ? 0 : b.measure(title, b.font(TextSize.title, bold: true)).height + 4) + b.measure(subtitle, body).height + 20
        let fit = options.height.map { Int((($0 - 2 * margin - titleH0 - 10 - 6 - rowH0 * 5) / rowH0).rounded(.down)) } ?? Self.maxRows
        let rows = shownRows(limit: Swift.min(Self.maxRows, fit))
        func split(_ s: String) -> (String, String) {
            guard let dot = s.firstIndex(of: ".") else { return (s, "") }
            return (String(s[..<dot]), String(s[dot...]))
        }
        func widths(_ values: [String], _ font: Font) -> (int: Double, frac: Double) {
            values.reduce((0.0, 0.0)) { acc, s in
                let (i, f) = split(s)
                return (Swift.max(acc.0, b.measure(i, font).width), Swift.max(acc.1, f.isEmpty ? 0 : b.measure(f, font).width))
            }
        }
        let xs = rows.indices.map { number(a.inputs[$0]) }, ws = rows.indices.map { number(a.weights[$0]) }
        let ps = rows.indices.map { number(a.products[$0]) }
        let totals = [number(a.sum), number(a.bias), number(a.z), number(a.output)]
        let labels = rows.indices.map { a.inputLabels[$0] }
        let totalLabels = ["Σ xᵢ·wᵢ", "+ b", "= z", ActivationFormula.applied(a.activation, "z")]
        let headers = ["input", "xᵢ", "wᵢ", "xᵢ·wᵢ"]
        let labelW = (labels + totalLabels + [headers[0]]).map { b.measure($0, bold).width }.max() ?? 0
        let wx = widths(xs, body), ww = widths(ws, body), wp = widths(ps + totals, bold)
        let gap = 26.0
        let colW = [labelW, Swift.max(wx.int + wx.frac, b.measure(headers[1], bold).width),
                    Swift.max(ww.int + ww.frac, b.measure(headers[2], bold).width),
                    Swift.max(wp.int + wp.frac, b.measure(headers[3], bold).width)]
        let tableW = colW.reduce(0, +) + 3 * gap
        let rowH = b.measure("Ag", body).height + 8
        let tableRows = Double(rows.indices.count + (rows.hidden > 0 ? 1 : 0))
        let eq = equation
        let eqH = (eq == nil ? 0 : rowH) + rowH + 8
        let tableH = rowH * (1 + tableRows) + 10 + rowH * 4 + 6 + eqH

        // Size: the table on the left and the curve on the right, or stacked when narrow or tall.
        let titleFont = b.font(TextSize.title, bold: true)
        var titleH = 0.0
        if !title.isEmpty { titleH += b.measure(title, titleFont).height + 4 }
        titleH += b.measure(subtitle, body).height + 4 + 16
        let ax = PlotAxes.margins(in: b, yLabelSample: "−0.00")
        let minPlot = 200.0
        let naturalPlotH = 260.0
        let roomBelow = options.height.map { $0 - 2 * margin - titleH - tableH - 24 - ax.bottom >= 140 } ?? true
        let stacked = roomBelow && ((options.width.map { $0 - 2 * margin - tableW - 40 - ax.left < minPlot } ?? false)
            || (options.height ?? 0) > (options.width ?? .infinity) * 1.1)
        let width = options.width ?? (margin + tableW + 40 + ax.left + 300 + margin)
        let height = options.height ?? (stacked ? margin + titleH + tableH + 24 + naturalPlotH + ax.bottom + margin
                                                 : margin + titleH + Swift.max(tableH, naturalPlotH + ax.bottom) + margin)
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        let top = b.title(title, subtitle: subtitle, margin: margin, top: margin) + 16

        // The table.
        var colX = [margin]
        for k in 1..<4 { colX.append(colX[k - 1] + colW[k - 1] + gap) }
        func place(_ s: String, col: Int, y: Double, font: Font, intW: Double, color: Color? = nil, role: String, name: String) {
            let (i, _) = split(s)
            let x = col == 0 ? colX[0] : colX[col] + colW[col] - (intW + (col == 1 ? wx.frac : col == 2 ? ww.frac : wp.frac))
            b.text(s, at: Point(x + intW - b.measure(i, font).width, y), font: font, color: color, baseline: .middle, role: role, name: name)
        }
        var y = top + rowH / 2
        for (k, h) in headers.enumerated() {
            let x = k == 0 ? colX[0] : colX[k] + colW[k]
            b.text(h, at: Point(x, y), font: bold, color: b.theme.mutedText, anchor: k == 0 ? .start : .end, baseline: .middle,
                   role: "column-header", name: h)
        }
        y += rowH
        b.add(.line(from: Point(margin, y - rowH / 2 + 2), to: Point(margin + tableW, y - rowH / 2 + 2), stroke: Stroke(b.theme.axis, width: 1)),
              role: "rule")
        for (r, i) in rows.indices.enumerated() {
            let name = a.inputLabels[i]
            b.text(labels[r], at: Point(colX[0], y), font: body, baseline: .middle, role: "input-label", name: name)
            place(xs[r], col: 1, y: y, font: body, intW: wx.int, role: "input-value", name: name)
            place(ws[r], col: 2, y: y, font: body, intW: ww.int, color: b.theme.signText(a.weights[i]), role: "weight", name: name)
            place(ps[r], col: 3, y: y, font: bold, intW: wp.int, color: b.theme.signText(a.products[i]), role: "product", name: name)
            y += rowH
        }
        if rows.hidden > 0 {
            b.text("⋮ \(rows.hidden) more inputs, in the sum", at: Point(colX[0], y), font: small, color: b.theme.mutedText,
                   baseline: .middle, role: "elision")
            y += rowH
        }
        b.add(.line(from: Point(margin, y - rowH / 2 + 4), to: Point(margin + tableW, y - rowH / 2 + 4), stroke: Stroke(b.theme.axis, width: 1)),
              role: "rule")
        y += 10
        let totalRoles = ["sum", "bias", "z", "output"]
        for k in 0..<4 {
            let font = k >= 2 ? big : body
            b.text(totalLabels[k], at: Point(colX[0], y), font: k >= 2 ? big : bold, baseline: .middle, role: "total-label", name: totalRoles[k])
            place(totals[k], col: 3, y: y, font: font, intW: wp.int, color: k == 1 ? b.theme.signText(a.bias) : nil,
                  role: totalRoles[k], name: totalRoles[k])
            y += rowH
        }
        y += 6
        let bottom = height - margin + rowH / 2
        if let eq, y + rowH <= bottom, !stacked || b.measure(eq, body).width <= width - 2 * margin {
            b.text(eq, at: Point(margin, y), font: body, baseline: .middle, role: "equation", name: "z")
            y += rowH
        }
        if y <= bottom {
            b.text(outputText, at: Point(margin, y), font: body, baseline: .middle, role: "equation", name: "output")
        }

        // The curve with z marked.
        let plotTop = stacked ? top + tableH + 24 : top
        let plotX = stacked ? margin + ax.left : margin + tableW + 40 + ax.left
        let frame = Rect(x: plotX, y: plotTop, width: Swift.max(40, width - margin - plotX),
                         height: Swift.max(60, height - margin - ax.bottom - plotTop))
        let span = Swift.max(5, (abs(a.z) + 1).rounded(.up))
        let xr = -span...span
        let curve = { (t: Double) in a.curve(t) }
        let axes = PlotAxes(frame: frame, x: xr, y: FunctionPlot.range(curve, x: xr), xTitle: "z",
                            yTitle: ActivationFormula.applied(a.activation, "z"), name: "curve")
        axes.draw(into: &b)
        let jumps = a.activation == .step ? [0.0] : []
        b.add(.path(FunctionPlot.path(curve, axes: axes, jumps: jumps), fill: nil, stroke: Stroke(Palette.positive, width: 2.5)),
              role: "curve", name: a.activation.label)
        let p = axes.point(a.z, Swift.min(Swift.max(a.output, axes.y.lowerBound), axes.y.upperBound))
        let guide = Stroke(b.theme.mutedText, width: 1, dash: [4, 3])
        b.add(.line(from: Point(p.x, frame.maxY), to: p, stroke: guide), role: "z-guide", name: "z")
        b.add(.line(from: Point(frame.x, p.y), to: p, stroke: guide), role: "z-guide", name: "output")
        b.add(.circle(center: p, radius: 5, fill: Palette.negative, stroke: Stroke(b.theme.text, width: 1)), role: "z-mark", name: "z")
        // The label beside the point, right or left of it inside the frame; shortened, or left out, when narrow.
        let ly = p.y < frame.y + 24 ? p.y + 16 : p.y - 14
        for label in ["z = " + number(a.z) + " → " + number(a.output), "z = " + number(a.z)] {
            let lw = b.measure(label, bold).width
            if p.x + 10 + lw <= frame.maxX - 2 {
                b.text(label, at: Point(p.x + 10, ly), font: bold, baseline: .middle, role: "z-label", name: "z")
                break
            }
            if p.x - 10 - lw >= frame.x + 2 {
                b.text(label, at: Point(p.x - 10, ly), font: bold, anchor: .end, baseline: .middle, role: "z-label", name: "z")
                break
            }
        }
        return b.scene
    }
}
