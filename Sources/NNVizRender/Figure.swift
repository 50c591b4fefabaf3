import NNVizScene

/// A figure that can build its scene once given a way to measure text: what the commands write
/// (`FigureCommandOptions.write`) and the report lays out, whatever the kind of figure.
///
/// `fittedScene(measurer:)` (in `Figure+Fit.swift`) is the one way to get a scene of a requested size: it lays the
/// figure out, checks that everything stays on the canvas, shrinks it within limits and otherwise refuses.
public protocol Figure {
    /// Lays the figure out and returns every primitive it draws.
    func scene(measurer: any TextMeasurer) -> Scene
    /// The size, theme, title and font the figure is drawn with.
    var figureOptions: FigureOptions { get }
    /// The same figure with other figure options (another canvas size).
    func with(_ figure: FigureOptions) -> Self
    /// The figure's kind as messages name it (`regions`, `diagram`, …).
    var kindName: String { get }
    /// What makes the figure smaller, worded with setting tokens (`drop \(Setting.neurons)`); empty when nothing does.
    var smallerAdvice: String { get }
}

extension Figure {
    public var smallerAdvice: String { "" }
}
