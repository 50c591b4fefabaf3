import NNVizScene

/// Colours of everything that is not data: background, text, axes, node outlines. Light or dark.
public struct Theme: Sendable, Equatable {
    public enum Name: String, Sendable, CaseIterable { case light, dark }

    public let name: Name
    public let background: Color
    /// Titles, labels and tick values.
    public let text: Color
    /// Secondary text: subtitles, notes, legend captions.
    public let mutedText: Color
    /// Axis lines, ticks and panel frames.
    public let axis: Color
    /// Node fill when no activation is shown.
    public let nodeFill: Color
    /// Node outline when there is no bias to show (input nodes).
    public let nodeStroke: Color
    /// Behind labels drawn over edges, so they stay legible.
    public let labelBackground: Color
    /// Outline of data points on any field.
    public let pointOutline: Color
    /// Background of Hinton diagrams.
    public let hintonBackground: Color

    public static let light = Theme(
        name: .light, background: .white, text: Color(hex: "#1f2328")!, mutedText: Color(hex: "#57606a")!,
        axis: Color(hex: "#6e7781")!, nodeFill: Color(hex: "#ffffff")!, nodeStroke: Color(hex: "#57606a")!,
        labelBackground: Color(r: 1, g: 1, b: 1, a: 0.88), pointOutline: Color(hex: "#1f2328")!,
        hintonBackground: Color(hex: "#eceff1")!)

    public static let dark = Theme(
        name: .dark, background: Color(hex: "#15191e")!, text: Color(hex: "#e6edf3")!, mutedText: Color(hex: "#9da7b1")!,
        axis: Color(hex: "#8b949e")!, nodeFill: Color(hex: "#2d333b")!, nodeStroke: Color(hex: "#9da7b1")!,
        labelBackground: Color(r: 0.082, g: 0.098, b: 0.118, a: 0.88), pointOutline: Color(hex: "#ffffff")!,
        hintonBackground: Color(hex: "#2d333b")!)

    public static func named(_ n: Name) -> Theme { n == .light ? .light : .dark }

    /// Edge (and bias ring) colour of positive weights: blue, shaded so that both signs' strongest edges stand out
    /// equally from the background — at least 3:1 (WCAG 2.1, graphical objects), within a factor 1.6 of each other.
    /// Light: `#0877bd` (4.8:1 on white) against orange darkened to `#b56408` (4.4:1); dark: blue lightened to
    /// `#31aaf6` (6.9:1 on `#15191e`) against the plain orange `#f59322` (7.6:1).
    public var edgePositive: Color { name == .light ? Palette.positive : Color(hex: "#31aaf6")! }
    /// Edge (and bias ring) colour of negative weights (see `edgePositive`).
    public var edgeNegative: Color { name == .light ? Color(hex: "#b56408")! : Palette.negative }

    /// The sign colour of a value on this background (neutral for zero).
    public func edgeSign(_ v: Double) -> Color { v > 0 ? edgePositive : (v < 0 ? edgeNegative : Palette.neutral) }

    /// Text colour for a value of the given sign: blue or orange, shaded to read on this background.
    public func signText(_ v: Double) -> Color {
        if v == 0 { return mutedText }
        switch name {
        case .light: return v > 0 ? Palette.positiveText : Palette.negativeText
        case .dark: return v > 0 ? Palette.positiveTextDark : Palette.negativeTextDark
        }
    }

    /// Black or white text, whichever reads better on `fill`.
    public static func textOn(_ fill: Color) -> Color {
        fill.luminance > 0.32 ? Color(hex: "#1f2328")! : .white
    }
}
