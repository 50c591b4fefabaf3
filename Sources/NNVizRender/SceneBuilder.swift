import NNVizScene

/// Text sizes shared by every figure: nothing below 11 at scale 1, titles a step larger.
public enum TextSize {
    public static let small = 11.0
    public static let body = 12.0
    public static let header = 13.0
    public static let title = 17.0
}

/// A scene under construction with the measurer, theme and fonts a figure needs to place text.
///
/// Every text it adds reports the rectangle it covers, so layouts can keep labels apart.
public struct SceneBuilder {
    public var scene: Scene
    public let measurer: any TextMeasurer
    public let theme: Theme
    public let fontFamily: String
    /// Whether the figure must stay readable in greyscale (`FigurePalette.print`).
    public let forPrint: Bool

    public init(width: Double, height: Double, options: FigureOptions, measurer: any TextMeasurer) {
        forPrint = options.palette == .print
        scene = Scene(width: width.rounded(.up), height: height.rounded(.up), background: options.theme.background)
        self.measurer = measurer
        self.theme = options.theme
        self.fontFamily = options.fontFamily
    }

    public func font(_ size: Double = TextSize.body, bold: Bool = false) -> Font {
        Font(family: fontFamily, size: size, weight: bold ? .bold : .regular)
    }

    public func measure(_ s: String, _ font: Font) -> TextExtent { measurer.measure(s, font: font) }

    /// The rectangle text covers when drawn at `p` with this anchor and baseline.
    ///
    /// Baselines: `top` hangs below `p` (ascent + descent), `middle` centres that box on `p`,
    /// `alphabetic` sits the baseline on `p`, `bottom` stands the box on `p`.
    public func textRect(_ s: String, at p: Point, font: Font, anchor: TextAnchor = .start,
                         baseline: TextBaseline = .alphabetic) -> Rect {
        let e = measurer.measure(s, font: font)
        let x: Double
        switch anchor {
        case .start: x = p.x
        case .middle: x = p.x - e.width / 2
        case .end: x = p.x - e.width
        }
        let y: Double
        switch baseline {
        case .top: y = p.y
        case .middle: y = p.y - e.height / 2
        case .alphabetic: y = p.y - e.ascent
        case .bottom: y = p.y - e.height
        }
        return Rect(x: x, y: y, width: e.width, height: e.height)
    }

    /// Adds text and returns the rectangle it covers (unrotated text only has a meaningful rectangle).
    @discardableResult
    public mutating func text(_ s: String, at p: Point, font: Font, color: Color? = nil, anchor: TextAnchor = .start,
                              baseline: TextBaseline = .alphabetic, rotation: Double = 0,
                              role: String, name: String = "") -> Rect {
        scene.add(.text(s, at: p, font: font, color: color ?? theme.text, anchor: anchor, baseline: baseline,
                        rotation: rotation), role: role, name: name)
        return textRect(s, at: p, font: font, anchor: anchor, baseline: baseline)
    }

    public mutating func add(_ p: Primitive, role: String, name: String = "") {
        scene.add(p, role: role, name: name)
    }

    /// The figure title (bold, left-aligned at the margin) and an optional muted subtitle; returns the y below them.
    public mutating func title(_ title: String, subtitle: String = "", margin: Double, top: Double) -> Double {
        var y = top
        if !title.isEmpty {
            let r = text(title, at: Point(margin, y), font: font(TextSize.title, bold: true), baseline: .top, role: "title")
            y = r.maxY + 4
        }
        if !subtitle.isEmpty {
            let r = text(subtitle, at: Point(margin, y), font: font(TextSize.body), color: theme.mutedText,
                         baseline: .top, role: "subtitle")
            y = r.maxY + 4
        }
        return y
    }
}

extension Rect {
    /// The rectangle grown by `dx` horizontally and `dy` vertically on each side.
    func padded(_ dx: Double, _ dy: Double) -> Rect {
        Rect(x: x - dx, y: y - dy, width: width + 2 * dx, height: height + 2 * dy)
    }

    /// The smallest rectangle holding both.
    func union(_ o: Rect) -> Rect {
        let x0 = Swift.min(x, o.x), y0 = Swift.min(y, o.y)
        return Rect(x: x0, y: y0, width: Swift.max(maxX, o.maxX) - x0, height: Swift.max(maxY, o.maxY) - y0)
    }
}
