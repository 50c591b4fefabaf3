/// The colour set of a figure: the standard screen palette, or one that also survives greyscale printing.
public enum FigurePalette: String, Sendable, CaseIterable {
    /// Blue and orange by sign, Okabe–Ito-style classes: safe under the common colour-vision deficiencies.
    case standard = "default"
    /// As `standard`, plus the sign carried by line style (dashed negative) and lightness, for greyscale print.
    case print
}
