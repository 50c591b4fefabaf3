import NNVizScene

/// A plot frame with x and y ranges: maps data to scene coordinates and draws ticks (1-2-5 steps, one
/// number of decimals per axis), tick labels and axis titles outside the frame.
public struct PlotAxes {
    public let frame: Rect
    public let x: ClosedRange<Double>
    public let y: ClosedRange<Double>
    public let xTitle: String
    public let yTitle: String
    public let name: String

    public init(frame: Rect, x: ClosedRange<Double>, y: ClosedRange<Double>, xTitle: String, yTitle: String, name: String = "") {
        self.frame = frame
        self.x = x.upperBound > x.lowerBound ? x : (x.lowerBound - 0.5)...(x.lowerBound + 0.5)
        self.y = y.upperBound > y.lowerBound ? y : (y.lowerBound - 0.5)...(y.lowerBound + 0.5)
        self.xTitle = xTitle; self.yTitle = yTitle; self.name = name
    }

    public func sx(_ v: Double) -> Double { frame.x + (v - x.lowerBound) / (x.upperBound - x.lowerBound) * frame.width }
    public func sy(_ v: Double) -> Double { frame.maxY - (v - y.lowerBound) / (y.upperBound - y.lowerBound) * frame.height }
    public func point(_ vx: Double, _ vy: Double) -> Point { Point(sx(vx), sy(vy)) }

    public var xTicks: NiceTicks { NiceTicks(x.lowerBound, x.upperBound, target: Swift.max(2, Int(frame.width / 90))) }
    public var yTicks: NiceTicks { NiceTicks(y.lowerBound, y.upperBound, target: Swift.max(2, Int(frame.height / 70))) }

    /// Space needed left of and below the frame for tick labels and titles.
    public static func margins(in b: SceneBuilder, yLabelSample: String = "−0.00", titles: Bool = true,
                               tickLabels: Bool = true) -> (left: Double, bottom: Double) {
        let f = b.font(TextSize.small), tf = b.font(TextSize.body)
        let lh = b.measure("0", f).height, th = b.measure("Ag", tf).height
        let left = (tickLabels ? b.measure(yLabelSample, f).width + 8 : 4) + (titles ? th + 8 : 0)
        let bottom = (tickLabels ? lh + 8 : 4) + (titles ? th + 6 : 0)
        return (left, bottom)
    }

    /// Draws frame, ticks, labels and titles; tick labels can be switched off for inner small multiples.
    public func draw(into b: inout SceneBuilder, tickLabels: Bool = true, titles: Bool = true, frameColor: Color? = nil) {
        let f = b.font(TextSize.small), tf = b.font(TextSize.body)
        let ax = Stroke(frameColor ?? b.theme.axis, width: 1)
        b.add(.rect(frame, fill: nil, stroke: ax, cornerRadius: 0), role: "axes-frame", name: name)
        let xt = xTicks, yt = yTicks
        var maxLabelW = 0.0
        for (v, s) in zip(xt.values, xt.labels) {
            let px = sx(v)
            b.add(.line(from: Point(px, frame.maxY), to: Point(px, frame.maxY + 4), stroke: ax), role: "axis-tick", name: name + " x")
            if tickLabels {
                b.text(s, at: Point(px, frame.maxY + 6), font: f, anchor: .middle, baseline: .top, role: "axis-label", name: name + " x")
            }
        }
        for (v, s) in zip(yt.values, yt.labels) {
            let py = sy(v)
            b.add(.line(from: Point(frame.x - 4, py), to: Point(frame.x, py), stroke: ax), role: "axis-tick", name: name + " y")
            if tickLabels {
                let r = b.text(s, at: Point(frame.x - 6, py), font: f, anchor: .end, baseline: .middle, role: "axis-label", name: name + " y")
                maxLabelW = Swift.max(maxLabelW, r.width)
            }
        }
        guard titles else { return }
        let lh = b.measure("0", f).height
        b.text(xTitle, at: Point(frame.center.x, frame.maxY + (tickLabels ? lh + 10 : 6)), font: tf, anchor: .middle,
               baseline: .top, role: "axis-title", name: name + " x")
        let tx = frame.x - (tickLabels ? maxLabelW + 10 : 6)
        b.text(yTitle, at: Point(tx, frame.center.y), font: tf, anchor: .middle, baseline: .bottom,
               rotation: -Double.pi / 2, role: "axis-title", name: name + " y")
    }
}
