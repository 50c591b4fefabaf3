#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizEngine
import NNVizScene

/// The loss of every epoch on a log scale, with the accuracy on a second panel below sharing the epoch axis;
/// validation curves dashed beside the training ones, snapshot epochs marked by dotted lines across both panels.
///
/// Runs longer than `maxPoints` epochs are drawn through every k-th epoch (and the last), so the path stays small.
public struct LossCurve: Figure {
    public let history: [EpochRecord]
    public let snapshots: [Int]
    /// `bce`, `ce` or `mse`, for the axis title.
    public let lossName: String
    public var options: FigureOptions
    /// Draw the curves only up to this epoch (a frame of an animation), on the axes of the whole run, with a dot
    /// at the current epoch; `nil` draws the whole run.
    public var upTo: Int?

    /// Epochs drawn per curve at most.
    public static let maxPoints = 2000

    public init(history: [EpochRecord], snapshots: [Int] = [], lossName: String, options: FigureOptions = FigureOptions()) {
        self.history = history
        self.snapshots = snapshots
        self.lossName = lossName
        self.options = options
    }

    /// The first epoch from which the accuracy stays at its final value, when that is higher than at the start and
    /// was reached before the last epoch (the whole run only; nil for a frame).
    public var reached: Int? {
        guard upTo == nil, let f = history.first, let l = history.last, l.accuracy > f.accuracy else { return nil }
        var from = l.epoch
        for r in history.reversed() {
            guard r.accuracy == l.accuracy else { break }
            from = r.epoch
        }
        return from < l.epoch ? from : nil
    }

    /// The decades the loss axis spans: ⌊log10 min⌋ … ⌈log10 max⌉ over the finite positive losses, at most 12.
    var decades: ClosedRange<Double> {
        let values = history.flatMap { [$0.loss, $0.validationLoss ?? $0.loss] }.filter { $0.isFinite && $0 > 0 }
        guard let lo = values.min(), let hi = values.max() else { return -1...0 }
        let top = ceil(log10(hi)), bottom = max(floor(log10(lo)), top - 12)
        return bottom...(top > bottom ? top : bottom + 1)
    }

    public func scene(measurer: any TextMeasurer) -> Scene {
        let width = options.width ?? 640, height = options.height ?? 480
        var b = SceneBuilder(width: width, height: height, options: options, measurer: measurer)
        let margin = 16.0
        let first = history.first, end = history.last
        let last = upTo.flatMap { e in history.last { $0.epoch <= e } } ?? end
        let epochs = Double(max(end?.epoch ?? 1, 1))
        let subtitle = first.flatMap { f in last.map { l in
            "\(lossName) loss \(Self.number(f.loss)) → \(Self.number(l.loss)) " + (upTo == nil ? "in \(l.epoch) epochs; " : "at epoch \(l.epoch); ")
                + "accuracy \(Self.percent(f.accuracy)) → \(Self.percent(l.accuracy))" + (reached.map { " (reached at epoch \($0))" } ?? "")
        } } ?? ""
        let top = b.title(options.title ?? "Training", subtitle: subtitle, margin: margin, top: margin) + 8
        let m = PlotAxes.margins(in: b, yLabelSample: "0.0001")
        let frameX = margin + m.left, frameW = width - frameX - margin
        let available = height - top - margin - m.bottom - 24
        let lossFrame = Rect(x: frameX, y: top, width: frameW, height: (available * 0.62).rounded())
        let accFrame = Rect(x: frameX, y: lossFrame.maxY + 24, width: frameW, height: available - lossFrame.height)
        let d = decades
        let lossAxes = PlotAxes(frame: lossFrame, x: 0...epochs, y: d, xTitle: "", yTitle: "\(lossName) loss (log scale)", name: "loss")
        let accAxes = PlotAxes(frame: accFrame, x: 0...epochs, y: 0...1, xTitle: "epoch", yTitle: "accuracy", name: "accuracy")
        lossAxes.draw(into: &b, tickLabels: false, titles: false)
        accAxes.draw(into: &b)
        drawDecades(lossAxes, into: &b)
        for e in snapshots where Double(e) <= epochs {
            let x = lossAxes.sx(Double(e))
            b.add(.line(from: Point(x, lossFrame.y), to: Point(x, accFrame.maxY), stroke: Stroke(b.theme.mutedText, width: 1, dash: [2, 3])),
                  role: "snapshot-mark", name: "epoch \(e)")
        }
        func curve(_ value: (EpochRecord) -> Double?, _ axes: PlotAxes, log: Bool) -> Path {
            var path = Path()
            let stride = max(1, (history.count + Self.maxPoints - 1) / Self.maxPoints)
            var pen = false
            let limit = upTo ?? Int.max
            for (i, r) in history.enumerated() where (i % stride == 0 || i == history.count - 1 || r.epoch == limit) && r.epoch <= limit {
                guard let v = value(r), v.isFinite else { pen = false; continue }
                let y = log ? min(max(log10(max(v, 1e-300)), axes.y.lowerBound), axes.y.upperBound) : v
                let p = axes.point(Double(r.epoch), y)
                if pen { path.line(to: p) } else { path.move(to: p) }
                pen = true
            }
            return path
        }
        let hasValidation = history.first?.validationLoss != nil
        let train = Stroke(Palette.positive, width: 2), valid = Stroke(Palette.negative, width: 2, dash: [6, 4])
        b.add(.path(curve({ $0.loss }, lossAxes, log: true), fill: nil, stroke: train), role: "loss-line", name: "training")
        b.add(.path(curve({ $0.accuracy }, accAxes, log: false), fill: nil, stroke: train), role: "accuracy-line", name: "training")
        if hasValidation {
            b.add(.path(curve({ $0.validationLoss }, lossAxes, log: true), fill: nil, stroke: valid), role: "loss-line", name: "validation")
            b.add(.path(curve({ $0.validationAccuracy }, accAxes, log: false), fill: nil, stroke: valid), role: "accuracy-line", name: "validation")
        }
        if upTo != nil, let l = last {
            if l.loss.isFinite {
                let p = lossAxes.point(Double(l.epoch), min(max(log10(max(l.loss, 1e-300)), d.lowerBound), d.upperBound))
                b.add(.circle(center: p, radius: 4, fill: Palette.positive, stroke: nil), role: "current", name: "loss")
            }
            b.add(.circle(center: accAxes.point(Double(l.epoch), l.accuracy), radius: 4, fill: Palette.positive, stroke: nil),
                  role: "current", name: "accuracy")
        }
        drawLegend(lossFrame, validation: hasValidation, train: train, valid: valid, into: &b)
        return b.scene
    }

    /// Tick and label at each power of ten on the loss axis, and its title.
    private func drawDecades(_ axes: PlotAxes, into b: inout SceneBuilder) {
        let f = b.font(TextSize.small)
        var widest = 0.0
        let step = max(1.0, ((axes.y.upperBound - axes.y.lowerBound) / 6).rounded(.up))
        var k = axes.y.upperBound
        while k >= axes.y.lowerBound {
            let y = axes.sy(k)
            b.add(.line(from: Point(axes.frame.x - 4, y), to: Point(axes.frame.x, y), stroke: Stroke(b.theme.axis, width: 1)),
                  role: "axis-tick", name: "loss y")
            let r = b.text(Self.number(pow(10, k)), at: Point(axes.frame.x - 6, y), font: f, anchor: .end, baseline: .middle,
                           role: "axis-label", name: "loss y")
            widest = max(widest, r.width)
            k -= step
        }
        b.text(axes.yTitle, at: Point(axes.frame.x - widest - 10, axes.frame.center.y), font: b.font(TextSize.body), anchor: .middle,
               baseline: .bottom, rotation: -90, role: "axis-title", name: "loss y")
    }

    /// Three significant digits without an exponent (`0.693`, `0.00314`, `1000`); powers of ten stay short (`0.001`).
    public static func number(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return v.isFinite ? "0" : "\(v)" }
        let magnitude = Int(floor(log10(abs(v))))
        var text = NumberFormat.fixed(v, decimals: min(17, max(0, 2 - magnitude)))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    public static func percent(_ v: Double) -> String { NumberFormat.fixed(v * 100, decimals: 1) + " %" }

    private func drawLegend(_ frame: Rect, validation: Bool, train: Stroke, valid: Stroke, into b: inout SceneBuilder) {
        let f = b.font(TextSize.small)
        var y = frame.y + 12
        for (label, stroke) in [("training", train)] + (validation ? [("validation", valid)] : []) {
            let w = b.measure(label, f).width
            let x = frame.maxX - 12 - w
            b.add(.line(from: Point(x - 30, y), to: Point(x - 6, y), stroke: stroke), role: "legend-line", name: label)
            b.text(label, at: Point(x, y), font: f, anchor: .start, baseline: .middle, role: "legend-label", name: label)
            y += 16
        }
    }
}
