extension Network {
    /// The rule that turns this network's outputs into a class: the output activation's threshold for one output,
    /// the arg-max for several.
    public var decisionRule: DecisionRule {
        outputCount == 1 ? .threshold(layers[layers.count - 1].activation.decisionThreshold) : .argmax
    }

    /// The predicted class of every row of `batch`, by `decisionRule`; throws as `forward(_:source:)` does (a batch of
    /// the wrong width, a pre-activation that overflows), so no class is read from an overflowed output.
    public func predict(_ batch: Matrix, source: String = "batch") throws(NNVizError) -> [Int] {
        try forward(batch, source: source).predictedClasses(decisionRule)
    }
}

extension Trace {
    /// The predicted class of every sample of the trace, by `rule` (the traced network's `decisionRule`).
    public func predictedClasses(_ rule: DecisionRule) -> [Int] {
        let out = output
        return (0..<out.rows).map { rule.predictedClass(out.row($0)) }
    }
}
