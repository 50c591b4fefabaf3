extension Activation {
    /// The activation called `name`, or an error listing the valid names (with a "did you mean" hint).
    public init(named name: String, source: String, location: String) throws(NNVizError) {
        if let a = Activation(rawValue: name) {
            self = a
            return
        }
        let hint = Suggestion.closest(to: name, in: Activation.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
        throw NNVizError(source, location, "unknown activation '\(SpecNode.clip(name))'; \(hint)valid: \(Activation.validNames)")
    }
}
