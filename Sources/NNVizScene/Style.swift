/// How a line or outline is drawn.
public struct Stroke: Equatable, Sendable {
    public var color: Color
    public var width: Double
    /// On/off lengths; empty for a solid line.
    public var dash: [Double]
    public init(_ color: Color, width: Double = 1, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

/// A font request: family resolved by fontconfig, size in scene units.
public struct Font: Equatable, Hashable, Sendable {
    public enum Weight: Sendable, Hashable { case regular, bold }
    public var family: String
    public var size: Double
    public var weight: Weight
    public init(family: String = "DejaVu Sans", size: Double, weight: Weight = .regular) {
        self.family = family; self.size = size; self.weight = weight
    }
}

/// Horizontal placement of text relative to its anchor point.
public enum TextAnchor: Sendable, Hashable { case start, middle, end }
/// Vertical placement of text relative to its anchor point.
public enum TextBaseline: Sendable, Hashable { case top, middle, alphabetic, bottom }

/// The measured size of a run of text.
public struct TextExtent: Equatable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
    public var height: Double { ascent + descent }
}

/// Measures text the way the painter will draw it, so layouts can keep labels apart.
public protocol TextMeasurer: Sendable {
    func measure(_ text: String, font: Font) -> TextExtent
}
