import NNVizEngine
import NNVizScene

/// Activation functions as curves over one range of z: small multiples (one panel per function, titled with its
/// formula, every panel on the same z axis and its own y range) or all on one plot with a legend; optionally each function's
/// derivative (dashed) and marked points, such as the z values of a forward pass.
///
/// Roles: `curve` and `derivative` (paths, name = the activation), `panel-title`, `formula`, `derivative-formula`
/// (name = the activation), `mark` (circle, name = the mark's label or its z), `mark-label`, `legend-line`,
/// `legend-label`, and the axes' roles (name = the activation, or `shared`).
public struct ActivationCurves: Figure {
    /// A point to mark: `z` on the curve of `activation`, or on every curve when it is `nil`.
    public struct Mark: Equatable, Sendable {
        public var z: Double
        public var activation: Activation?
        public var label: String
        public init(z: Double, activation: Activation? = nil, label: String = "") {
            self.z = z; self.activation = activation; self.label = label
        }
    }

    public let functions: [Activation]
    public let derivatives: Bool
    public let range: ClosedRange<Double>
    public let marks: [Mark]
    /// One plot for every function instead of small multiples.
    public let shared: Bool
    public var options: FigureOptions

    public init(functions: [Activation], derivatives: Bool = false, range: ClosedRange<Double> = -5...5, marks: [Mark] = [],
                shared: Bool = false, options: FigureOptions = FigureOptions()) {
        self.functions = functions; self.derivatives = derivatives; self.range = range; self.marks = marks
        self.shared = shared; self.options = options
    }

    /// The functions the figure can draw: every activation but softmax, which depends on the whole layer.
    /// Whether the function's derivative jumps at 0 (step, relu, leaky_relu).
    static func kinks(_ f: Activation) -> Bool {
        switch f { case .step, .relu, .leakyReLU: return true; default: return false }
    }

    public static let drawable: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU(slope: Activation.defaultLeakySlope), .step, .linear]

    /// The y range of a panel showing `functions` (and their derivatives) over `range`, padded. Small multiples share
    /// the z axis but each has its own y range, so a sigmoid is not flattened beside a ReLU.
    public func yRange(_ functions: [Activation]) -> ClosedRange<Double> {
        var lo = 0.0, hi = 0.0
        for f in functions {
            var curves: [(Double) -> Double] = [f.value]
            if derivatives { curves.append(f.derivative) }
            for g in curves {
                let r = FunctionPlot.range(g, x: range)
                lo = Swift.min(lo, r.lowerBound); hi = Swift.max(hi, r.upperBound)
            }
        }
        return lo...hi
    }

    /// Marks on `a`'s curve.
    func marks(on a: Activation) -> [Mark] { marks.filter { $0.activation == nil || $0.activation == a } }

    /// Columns of small multiples: up to three in a row (four as 2 × 2).
    public static func columns(_ n: Int) -> Int { n <= 3 ? Swift.max(1, n) : (n == 4 ? 2 : 3) }

    public func scene(measurer: any TextMeasurer) -> Scene {
        var b = SceneBuilder(width: 1, height: 1, options: options, measurer: measurer)
        let margin = 24.0
        let body = b.font(TextSize.body), small = b.font(TextSize.small), bold = b.font(TextSize.header, bold: true)
        let titleFont = b.font(TextSize.title, bold: true)
        let title = options.title ?? (functions.count == 1 ? "Activation function" : "Activation functions")
        var subtitle = "z from " + LabelFormat.trimmed(range.lowerBound, 3) + " to " + LabelFormat.trimmed(range.upperBound, 3)
        if derivatives { subtitle += " · derivatives dashed" }
        if !marks.isEmpty { subtitle += " · \(marks.count) marked point\(marks.count == 1 ? "" : "s")" }
        var titleH = 0.0
        if !title.isEmpty { titleH += b.measure(title, titleFont).height + 4 }
        titleH += b.measure(subtitle, body).height + 4 + 14
        let ax = PlotAxes.margins(in: b, yLabelSample: "−0.0")
        let n = functions.count
        let formulaH = b.measure("Ag", small).height + 2
        let headerH = b.measure("Ag", bold).height + 2 + formulaH + (derivatives ? formulaH : 0) + 6

        if shared {
            let legend = functions.flatMap { f in [ActivationFormula.formula(f)] + (derivatives ? [ActivationFormula.derivative(f)] : []) }
            let legendW = (legend.map { b.measure($0, small).width }.max() ?? 0) + 40
            let below = (options.width ?? .infinity) < 560 || (options.height ?? 0) > (options.width ?? .infinity)
            let legendH = Double(legend.count) * 18
            let width = options.width ?? Swift.max(margin + ax.left + 420 + 24 + legendW + margin, b.measure(title, titleFont).width + 2 * margin)
            let height = options.height ?? (margin + titleH + 320 + ax.bottom + margin + (below ? legendH + 12 : 0))
            b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
            let top = b.title(title, subtitle: subtitle, margin: margin, top: margin) + 14
            let frame = Rect(x: margin + ax.left, y: top, width: Swift.max(60, width - 2 * margin - ax.left - (below ? 0 : 24 + legendW)),
                             height: Swift.max(60, height - top - margin - ax.bottom - (below ? legendH + 12 : 0)))
            let axes = PlotAxes(frame: frame, x: range, y: yRange(functions), xTitle: "z", yTitle: "activation", name: "shared")
            axes.draw(into: &b)
            var ly = below ? frame.maxY + ax.bottom + 12 : top + 8
            let lx = below ? margin : frame.maxX + 24
            for (k, f) in functions.enumerated() {
                let stroke = Stroke(Palette.classColor(k), width: 2.5, dash: Self.dashes[k % Self.dashes.count])
                draw(f, axes: axes, stroke: stroke, into: &b)
                b.add(.line(from: Point(lx, ly), to: Point(lx + 28, ly), stroke: stroke), role: "legend-line", name: f.name)
                b.text(ActivationFormula.formula(f), at: Point(lx + 34, ly), font: small, baseline: .middle, role: "legend-label", name: f.name)
                ly += 18
                if derivatives {
                    let d = Stroke(stroke.color.withAlpha(0.7), width: 1.5, dash: [2, 3])
                    b.add(.line(from: Point(lx, ly), to: Point(lx + 28, ly), stroke: d), role: "legend-line", name: f.name + "′")
                    b.text(ActivationFormula.derivative(f), at: Point(lx + 34, ly), font: small, color: b.theme.mutedText,
                           baseline: .middle, role: "legend-label", name: f.name + "′")
                    ly += 18
                }
            }
            return b.scene
        }

        var columns = Self.columns(n)
        let formulaW = functions.map { f in
            Swift.max(b.measure(ActivationFormula.formula(f), small).width, derivatives ? b.measure(ActivationFormula.derivative(f), small).width : 0)
        }.max() ?? 0
        let gapX = 28.0, gapY = 18.0
        let pitchMin = Swift.max(formulaW + 8, 120)
        let availW = options.width.map { $0 - 2 * margin - ax.left }
        var panelW = Swift.max(pitchMin, 240)
        if let w = availW {
            // A given width: as many columns as leave each panel at least 120 wide (one at the least).
            func side(_ c: Int) -> Double { (w - Double(c - 1) * (gapX + ax.left)) / Double(c) }
            while columns > 1 && side(columns) < 120 { columns -= 1 }
            panelW = Swift.max(60, side(columns))
        }
        let rows = (n + columns - 1) / columns
        var panelH = 220.0
        if let h = options.height {
            panelH = Swift.max(60, (h - 2 * margin - titleH - Double(rows) * (headerH + ax.bottom) - Double(rows - 1) * gapY) / Double(rows))
        }
        let width = options.width ?? Swift.max(2 * margin + Double(columns) * (ax.left + panelW) + Double(columns - 1) * gapX,
                                               b.measure(title, titleFont).width + 2 * margin, b.measure(subtitle, body).width + 2 * margin)
        let height = options.height ?? (2 * margin + titleH + Double(rows) * (headerH + panelH + ax.bottom) + Double(rows - 1) * gapY)
        b.scene.width = width.rounded(.up); b.scene.height = height.rounded(.up)
        let top = b.title(title, subtitle: subtitle, margin: margin, top: margin) + 14
        for (k, f) in functions.enumerated() {
            let row = k / columns, col = k % columns
            let x = margin + ax.left + Double(col) * (panelW + ax.left + gapX)
            let py = top + Double(row) * (headerH + panelH + ax.bottom + gapY)
            b.text(Self.name(f), at: Point(x, py), font: bold, baseline: .top, role: "panel-title", name: f.name)
            var fy = py + b.measure("Ag", bold).height + 2
            b.text(ActivationFormula.formula(f), at: Point(x, fy), font: small, baseline: .top, role: "formula", name: f.name)
            fy += formulaH
            if derivatives {
                b.text(ActivationFormula.derivative(f), at: Point(x, fy), font: small, color: b.theme.mutedText, baseline: .top,
                       role: "derivative-formula", name: f.name)
            }
            let frame = Rect(x: x, y: py + headerH, width: panelW, height: panelH)
            let axes = PlotAxes(frame: frame, x: range, y: yRange([f]), xTitle: "z", yTitle: ActivationFormula.symbol(f) + "(z)", name: f.name)
            axes.draw(into: &b)
            draw(f, axes: axes, stroke: Stroke(Palette.positive, width: 2.5), into: &b)
        }
        return b.scene
    }

    /// Dash patterns that tell curves apart on one plot without colour.
    static let dashes: [[Double]] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2]]

    /// Plain names for panel titles.
    public static func name(_ a: Activation) -> String {
        switch a {
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .leakyReLU: "leaky ReLU"
        case .step: "step"
        case .linear: "linear (identity)"
        case .softmax: "softmax"
        }
    }

    /// One function's curve (and derivative, and marks) on `axes`.
    private func draw(_ f: Activation, axes: PlotAxes, stroke: Stroke, into b: inout SceneBuilder) {
        let jumps = f == .step ? [0.0] : []
        let zero = Stroke(b.theme.axis.withAlpha(0.5), width: 1)
        if axes.y.contains(0) {
            b.add(.line(from: axes.point(range.lowerBound, 0), to: axes.point(range.upperBound, 0), stroke: zero), role: "zero-line", name: f.name)
        }
        if range.contains(0) {
            b.add(.line(from: axes.point(0, axes.y.lowerBound), to: axes.point(0, axes.y.upperBound), stroke: zero), role: "zero-line", name: f.name)
        }
        if derivatives {
            let d = Stroke(shared ? stroke.color.withAlpha(0.7) : Palette.negativeText, width: 1.5, dash: [2, 3])
            b.add(.path(FunctionPlot.path(f.derivative, axes: axes, jumps: Self.kinks(f) ? [0] : []),
                        fill: nil, stroke: d), role: "derivative", name: f.name)
        }
        b.add(.path(FunctionPlot.path(f.value, axes: axes, jumps: jumps), fill: nil, stroke: stroke), role: "curve", name: f.name)
        let ms = marks(on: f)
        let small = b.font(TextSize.small)
        var placed: [Rect] = []
        for m in ms {
            let v = f.value(m.z)
            guard m.z.isFinite, v.isFinite else { continue }
            let p = axes.point(Swift.min(Swift.max(m.z, range.lowerBound), range.upperBound),
                               Swift.min(Swift.max(v, axes.y.lowerBound), axes.y.upperBound))
            let name = m.label.isEmpty ? "z = " + LabelFormat.trimmed(m.z, 3) : m.label
            b.add(.circle(center: p, radius: 4.5, fill: Palette.negative, stroke: Stroke(b.theme.text, width: 1)), role: "mark", name: name)
            placed.append(Rect(x: p.x - 5, y: p.y - 5, width: 10, height: 10))
        }
        // Labels beside their marks where they collide with no other label or mark; else farther up or down the plot
        // with a thin leader line to the mark; else left out (the alt text lists them all).
        var labels: [Rect] = []
        var near: [(Double, Double, TextAnchor)] = [(7, -9, .start), (7, 10, .start), (-7, -9, .end), (-7, 10, .end)]
        for k in 1...8 {
            let d = 9 + 14 * Double(k)
            near += [(-12, -d, .end), (12, d, .start), (-12, d, .end), (12, -d, .start)]
        }
        for m in ms where !m.label.isEmpty && m.z.isFinite && f.value(m.z).isFinite {
            let p = axes.point(Swift.min(Swift.max(m.z, range.lowerBound), range.upperBound),
                               Swift.min(Swift.max(f.value(m.z), axes.y.lowerBound), axes.y.upperBound))
            for (i, (dx, dy, anchor)) in near.enumerated() {
                let r = b.textRect(m.label, at: Point(p.x + dx, p.y + dy), font: small, anchor: anchor, baseline: .middle)
                let inside = r.x >= axes.frame.x && r.maxX <= axes.frame.maxX && r.y >= axes.frame.y && r.maxY <= axes.frame.maxY
                let free = !(labels + placed).contains { o in r.x < o.maxX && o.x < r.maxX && r.y < o.maxY && o.y < r.maxY }
                // A label right beside its mark keeps 8 units clear of every other mark, or it reads as theirs.
                let own = i >= 4 || !placed.contains { o in
                    (o.x + 5 != p.x || o.y + 5 != p.y) && r.x - 8 < o.maxX && o.x < r.maxX + 8 && r.y - 8 < o.maxY && o.y < r.maxY + 8
                }
                guard inside && free && own else { continue }
                if i >= 4 {
                    // The leader runs from the mark's edge to the label's near end, clear of the other marks.
                    let end = Point(anchor == .end ? r.maxX + 2 : r.x - 2, r.y + r.height / 2)
                    let len = ((end.x - p.x) * (end.x - p.x) + (end.y - p.y) * (end.y - p.y)).squareRoot()
                    let start = Point(p.x + (end.x - p.x) * 5 / len, p.y + (end.y - p.y) * 5 / len)
                    b.add(.line(from: start, to: end, stroke: Stroke(b.theme.mutedText, width: 0.75)), role: "mark-leader", name: m.label)
                }
                b.text(m.label, at: Point(p.x + dx, p.y + dy), font: small, anchor: anchor, baseline: .middle, role: "mark-label", name: m.label)
                labels.append(r)
                break
            }
        }
    }
}
