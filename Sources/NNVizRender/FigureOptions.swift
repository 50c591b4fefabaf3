/// Options every figure takes: size (automatic when `nil`), theme, title, font family and size.
public struct FigureOptions: Sendable, Equatable {
    /// Canvas width in scene units (pixels at scale 1); `nil` picks a size that fits the content.
    public var width: Double?
    public var height: Double?
    public var theme: Theme
    /// Replaces the automatic title; an empty string removes the title.
    public var title: String?
    public var fontFamily: String
    /// Advice the figure prints where it cannot show everything, worded by its caller.
    public var notes: FigureNotes
    /// Size of body text in output units (points in PDF and SVG, pixels at scale 1 in PNG); every text, line
    /// and panel of the figure is drawn in proportion (`TextSize.body` is the figure's own body size).
    public var fontSize: Double
    /// `.print` keeps the figure readable in greyscale: negative weights and biases dashed, negative heatmap cells
    /// hatched, decision-region fields light for class 0 and dark for class 1.
    public var palette: FigurePalette = .standard

    public init(width: Double? = nil, height: Double? = nil, theme: Theme = .light, title: String? = nil,
                fontFamily: String = "DejaVu Sans", notes: FigureNotes = FigureNotes(),
                fontSize: Double = TextSize.body) {
        self.width = width; self.height = height; self.theme = theme; self.title = title; self.fontFamily = fontFamily
        self.notes = notes; self.fontSize = fontSize
    }
}
