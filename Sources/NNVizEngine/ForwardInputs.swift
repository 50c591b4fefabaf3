import NNVizSystem

/// What a forward pass runs on, which decides the advice its overflow error gives.
public enum ForwardInputs: Sendable, Equatable {
    /// Samples of a batch: the weights or inputs are too large.
    case samples
    /// Points of a plane of two varied inputs (the corners of a decision-region grid): its ranges or the values
    /// of the other inputs are too large.
    case plane

    /// The advice after "z = a·W + b is not finite".
    var overflowAdvice: String {
        switch self {
        case .samples: "the weights or inputs are too large"
        case .plane: "narrow \(Setting.xRange) and \(Setting.yRange) or lower \(Setting.slice)"
        }
    }
}
