/// Options of a layer diagram.
public struct DiagramOptions: Sendable, Equatable {
    public var figure: FigureOptions
    /// Draw every neuron and every edge instead of eliding layers wider than `maxNeurons`.
    public var showAll: Bool
    /// Print each weight on its edge: `nil` decides automatically (networks with at most 40 edges).
    public var weightLabels: Bool?
    /// Layers wider than this show their first and last neurons and a `⋮ +N` marker.
    public var maxNeurons: Int
    /// The |w| at which edges reach full width and colour; `nil` uses the network's largest. Frames of an animation
    /// give one value so edges grow and fade as the weights move.
    public var maxAbsWeight: Double?
    /// Decimals of every number printed on the diagram (values, z, weights, biases), 0…12; `nil` prints 2, with
    /// fewer for activations of magnitude 10 and more (the same value at the same precision prints alike everywhere).
    public var precision: Int?
    /// With a forward pass, print each neuron's pre-activation `z` beside its activation.
    public var showPre: Bool

    public init(figure: FigureOptions = FigureOptions(), showAll: Bool = false, weightLabels: Bool? = nil, maxNeurons: Int = 16,
                precision: Int? = nil, showPre: Bool = false) {
        self.figure = figure; self.showAll = showAll; self.weightLabels = weightLabels; self.maxNeurons = Swift.max(2, maxNeurons)
        self.precision = precision.map { Swift.max(0, Swift.min($0, 12)) }; self.showPre = showPre
    }

    /// Decimals of weights and biases: `precision`, else 2.
    public var weightDecimals: Int { precision ?? 2 }
}
