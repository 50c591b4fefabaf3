import NNVizScene

/// A figure that can build its scene once given a way to measure text: what the commands write
/// (`FigureCommandOptions.write`) and the report lays out, whatever the kind of figure.
public protocol Figure {
    /// Lays the figure out and returns every primitive it draws.
    func scene(measurer: any TextMeasurer) -> Scene
}
