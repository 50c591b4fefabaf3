/// Options of an activation (or weight) heatmap.
public struct HeatmapOptions: Sendable, Equatable {
    /// What the panels show.
    public enum Mode: Sendable, Equatable {
        /// Rows are samples, columns neurons; post-activations (or pre-activations with `pre`).
        case activations
        /// Each layer's weight matrix: rows are the layer's inputs, columns its neurons; diverging around 0.
        case weights
        /// Weight matrices as Hinton diagrams: square area ∝ |w|, colour by sign.
        case hinton
    }

    public var figure: FigureOptions
    public var mode: Mode
    /// Show pre-activations `z` on a diverging map centred on 0 instead of activations.
    public var pre: Bool
    /// Layers to show, counting the input layer as 0; `nil` shows every layer after the input.
    public var layers: [Int]?
    /// Order samples by predicted class, then by the output's value.
    public var sort: Bool
    /// Tallest automatic height of an activation heatmap (no `figure.height`): more rows than fit share pixels
    /// instead of growing the figure; `nil` lets it grow (the `heatmap` command, whose `--height` fixes it).
    public var maxHeight: Double?
    /// Decimals of the values printed in cells (0…12); `nil` picks them from the panel's largest |value| (2 for
    /// values below 10).
    public var precision: Int?

    public init(figure: FigureOptions = FigureOptions(), mode: Mode = .activations, pre: Bool = false,
                layers: [Int]? = nil, sort: Bool = false, maxHeight: Double? = nil, precision: Int? = nil) {
        self.figure = figure; self.mode = mode; self.pre = pre; self.layers = layers; self.sort = sort; self.maxHeight = maxHeight
        self.precision = precision.map { Swift.max(0, Swift.min($0, 12)) }
    }
}
