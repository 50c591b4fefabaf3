import NNVizEngine

/// Options of a decision-region plot.
public struct RegionOptions: Sendable, Equatable {
    public var figure: FigureOptions
    /// Add small multiples of every hidden neuron's activation over the same plane.
    public var neurons: Bool

    public init(figure: FigureOptions = FigureOptions(), neurons: Bool = false) {
        self.figure = figure; self.neurons = neurons
    }

    /// Side of the main plot in scene units: 480 unless the given height or width asks for less or more.
    public var plotSide: Double {
        var p = 480.0
        if let h = figure.height { p = h - 150 }
        if let w = figure.width { p = Swift.min(p, w - (neurons ? 560 : 300)) }
        return Swift.max(120, p)
    }

    /// Default grid resolution: one evaluation per plot pixel at the given output scale, but never more than
    /// `maxEvaluations` cells in all (the field is averaged down to at most 2048 px a side when drawn anyway).
    public func defaultResolution(scale: Double = 1, maxEvaluations: Int = GridLimit.defaultMaxEvaluations) -> Int {
        Swift.min(Int((plotSide * Swift.max(1, scale)).rounded()), GridLimit.largestSide(within: maxEvaluations))
    }
}
