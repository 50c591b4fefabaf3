import NNVizSystem

// Each figure's options and name for `Figure`: what `fittedScene(measurer:)` resizes and names in a refusal.

extension LayerDiagram {
    public var figureOptions: FigureOptions { options.figure }
    public func with(_ figure: FigureOptions) -> LayerDiagram { var c = self; c.options.figure = figure; return c }
    public var kindName: String { "diagram" }
}

extension Heatmap {
    public var figureOptions: FigureOptions { options.figure }
    public func with(_ figure: FigureOptions) -> Heatmap { var c = self; c.options.figure = figure; return c }
    public var kindName: String { "heatmap" }
}

extension RegionPlot {
    public var figureOptions: FigureOptions { options.figure }
    public func with(_ figure: FigureOptions) -> RegionPlot { var c = self; c.options.figure = figure; return c }
    public var kindName: String { "regions" }
    public var smallerAdvice: String { options.neurons ? "drop \(Setting.neurons)" : "" }
}

extension Filmstrip {
    public var figureOptions: FigureOptions { options }
    public func with(_ figure: FigureOptions) -> Filmstrip { var c = self; c.options = figure; return c }
    public var kindName: String { headers == nil ? "filmstrip" : "compare" }
    public var smallerAdvice: String { neurons ? "drop \(Setting.neurons)" : "" }
}

extension LossCurve {
    public var figureOptions: FigureOptions { options }
    public func with(_ figure: FigureOptions) -> LossCurve { var c = self; c.options = figure; return c }
    public var kindName: String { "loss curve" }
}

extension WeightTrajectories {
    public var figureOptions: FigureOptions { options }
    public func with(_ figure: FigureOptions) -> WeightTrajectories { var c = self; c.options = figure; return c }
    public var kindName: String { "weights over training" }
}

extension TrainingFrame {
    public var figureOptions: FigureOptions { frames.options }
    public func with(_ figure: FigureOptions) -> TrainingFrame { var c = self; c.frames.options = figure; return c }
    public var kindName: String { "training frame" }
}

extension ActivationCurves {
    public var figureOptions: FigureOptions { options }
    public func with(_ figure: FigureOptions) -> ActivationCurves { var c = self; c.options = figure; return c }
    public var kindName: String { "activations" }
}

extension NeuronFigure {
    public var figureOptions: FigureOptions { options }
    public func with(_ figure: FigureOptions) -> NeuronFigure { var c = self; c.options = figure; return c }
    public var kindName: String { "neuron" }
}
