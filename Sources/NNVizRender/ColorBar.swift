import NNVizScene

/// A colour bar: the scale's gradient, tick marks with real values on 1-2-5 steps, and a title.
public struct ColorBar {
    public enum Orientation: Sendable { case horizontal, vertical }

    public let scale: ColorScale
    public let title: String
    public let length: Double
    public let thickness: Double
    public let orientation: Orientation
    /// Names the items (`colorbar`, `colorbar-tick`, `colorbar-label`) so tests can find one bar among many.
    public let name: String

    public init(scale: ColorScale, title: String, length: Double, thickness: Double = 12,
                orientation: Orientation = .horizontal, name: String = "") {
        self.scale = scale; self.title = title; self.length = length; self.thickness = thickness
        self.orientation = orientation; self.name = name.isEmpty ? title : name
    }

    var ticks: NiceTicks {
        NiceTicks(scale.lower, scale.upper, target: Swift.max(2, Swift.min(6, Int(length / 55))))
    }

    /// Width and height the bar with its title and tick labels occupies.
    public func size(in b: SceneBuilder) -> (width: Double, height: Double) {
        let tf = b.font(TextSize.small), lf = b.font(TextSize.small)
        let titleE = b.measure(title, tf)
        let labelW = ticks.labels.map { b.measure($0, lf).width }.max() ?? 0
        let labelH = b.measure("0", lf).height
        switch orientation {
        case .horizontal:
            return (Swift.max(length + labelW, titleE.width), titleE.height + 4 + thickness + 4 + labelH)
        case .vertical:
            return (Swift.max(thickness + 4 + labelW, titleE.width), titleE.height + 6 + length + labelH / 2)
        }
    }

    /// Draws the bar with its top-left corner (including title and labels) at `origin`; returns the rectangle used.
    @discardableResult
    public func draw(into b: inout SceneBuilder, at origin: Point) -> Rect {
        let (w, h) = size(in: b)
        let tf = b.font(TextSize.small), lf = b.font(TextSize.small)
        let titleRect = b.text(title, at: origin, font: tf, color: b.theme.mutedText, baseline: .top,
                               role: "colorbar-title", name: name)
        let n = 128
        var px = [UInt8](repeating: 255, count: n * 4)
        for i in 0..<n {
            let c = scale.map.color(at: Double(i) / Double(n - 1))
            let j = orientation == .horizontal ? i : n - 1 - i
            px[4 * j] = UInt8((c.r * 255).rounded()); px[4 * j + 1] = UInt8((c.g * 255).rounded())
            px[4 * j + 2] = UInt8((c.b * 255).rounded())
        }
        let labelW = ticks.labels.map { b.measure($0, lf).width }.max() ?? 0
        let frame: Rect
        let raster: Raster
        switch orientation {
        case .horizontal:
            frame = Rect(x: origin.x + labelW / 2, y: titleRect.maxY + 4, width: length, height: thickness)
            raster = Raster(width: n, height: 1, pixels: px)
        case .vertical:
            frame = Rect(x: origin.x, y: titleRect.maxY + 6, width: thickness, height: length)
            raster = Raster(width: 1, height: n, pixels: px)
        }
        b.add(.raster(raster, frame: frame, smooth: true), role: "colorbar", name: name)
        b.add(.rect(frame, fill: nil, stroke: Stroke(b.theme.axis, width: 0.75), cornerRadius: 0), role: "colorbar-frame", name: name)
        for (v, s) in zip(ticks.values, ticks.labels) {
            let t = scale.position(v)
            switch orientation {
            case .horizontal:
                let x = frame.x + t * frame.width
                b.add(.line(from: Point(x, frame.maxY), to: Point(x, frame.maxY + 3), stroke: Stroke(b.theme.axis, width: 1)),
                      role: "colorbar-tick", name: name)
                b.text(s, at: Point(x, frame.maxY + 4), font: lf, anchor: .middle, baseline: .top, role: "colorbar-label", name: name)
            case .vertical:
                let y = frame.maxY - t * frame.height
                b.add(.line(from: Point(frame.maxX, y), to: Point(frame.maxX + 3, y), stroke: Stroke(b.theme.axis, width: 1)),
                      role: "colorbar-tick", name: name)
                b.text(s, at: Point(frame.maxX + 5, y), font: lf, baseline: .middle, role: "colorbar-label", name: name)
            }
        }
        return Rect(x: origin.x, y: origin.y, width: w, height: h)
    }
}
