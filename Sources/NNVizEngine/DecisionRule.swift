/// How a network's outputs become a predicted class: the one rule the region plot, its caption, the tables, the
/// report's JSON and training accuracy all use.
///
/// One output: class 1 when the output is above the threshold (its activation's `decisionThreshold`), else class 0.
/// Several outputs: the index of the largest output, the first of ties, as NumPy's `argmax` (a NaN counts as the
/// largest, so the first NaN wins).
public enum DecisionRule: Equatable, Sendable {
    /// One output, class 1 above this value.
    case threshold(Double)
    /// Several outputs, the largest wins.
    case argmax

    /// The class of one sample's outputs (`0` for an empty row).
    @inlinable
    public func predictedClass<C: Collection>(_ outputs: C) -> Int where C.Element == Double {
        switch self {
        case .threshold(let t): return (outputs.first ?? -.infinity) > t ? 1 : 0
        case .argmax: return DecisionRule.argmax(outputs)
        }
    }

    /// Index of the largest value, the first of ties, the first NaN if there is one (NumPy's `argmax`); 0 when empty.
    @inlinable
    public static func argmax<C: Collection>(_ values: C) -> Int where C.Element == Double {
        var best = 0, top = -Double.infinity
        for (i, v) in values.enumerated() {
            if v.isNaN { return i }
            if i == 0 || v > top { best = i; top = v }
        }
        return best
    }

    /// The arg-max of `values`, its value and the runner-up's (−∞ with a single value): the margin `top − second`
    /// the region plot shades by. Same winner as `argmax`.
    @inlinable
    public static func topTwo(_ values: UnsafeBufferPointer<Double>) -> (index: Int, top: Double, second: Double) {
        var best = 0, top = -Double.infinity, second = -Double.infinity
        for (i, v) in values.enumerated() {
            if v.isNaN { return (i, v, second) }
            if i == 0 || v > top { second = top; top = v; best = i } else if v > second { second = v }
        }
        return (best, top, second)
    }
}

extension Activation {
    /// The neutral value of the activation, where an output splits its two classes and a hidden neuron's region
    /// is outlined: 0.5 for sigmoid and step (and softmax, a probability: over a single output it is always 1, so
    /// class 1), 0 for tanh, linear, ReLU and leaky ReLU.
    public var decisionThreshold: Double {
        switch self {
        case .sigmoid, .step, .softmax: return 0.5
        case .tanh, .linear, .relu, .leakyReLU: return 0
        }
    }
}
