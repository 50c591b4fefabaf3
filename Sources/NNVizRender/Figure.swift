import NNVizScene

/// A figure that can build its scene once given a way to measure text.
public protocol Figure {
    /// Lays the figure out and returns every primitive it draws.
    func scene(measurer: any TextMeasurer) -> Scene
}
