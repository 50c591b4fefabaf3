import NNVizScene

/// One figure of a report: its number, the file stem its files share (`diagram.png`, `diagram.svg`, …), the
/// scene to paint and the words that go with it.
public struct ReportFigure: Sendable {
    public let number: Int
    /// File stem, e.g. `diagram`, `activations`, `weights`, `regions`.
    public let id: String
    public let text: FigureText
    public let scene: Scene

    public init(number: Int, id: String, text: FigureText, scene: Scene) {
        self.number = number
        self.id = id
        self.text = text
        self.scene = scene
    }
}
