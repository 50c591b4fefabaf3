extension Activation {
    /// The base names, in the order error messages list them.
    public static let allNames = ["linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"]

    /// All names, comma-separated, for error hints.
    public static var validNames: String { allNames.joined(separator: ", ") }

    /// The activation called `name`, with `slope` for `leaky_relu` (default 0.01); nil for an unknown name, a
    /// slope given to another activation, or a slope that is not finite.
    public static func named(_ name: String, slope: Double? = nil) -> Activation? {
        switch name {
        case "leaky_relu":
            let s = slope ?? defaultLeakySlope
            return s.isFinite ? .leakyReLU(slope: s) : nil
        case _ where slope != nil: return nil
        case "linear": return .linear
        case "step": return .step
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "relu": return .relu
        case "softmax": return .softmax
        default: return nil
        }
    }

    /// The activation written `name` or `name:parameter` (`leaky_relu:0.2`, as on the command line and in an
    /// `.npz`'s `activations` member), or an error saying what is wrong with it.
    public init(named token: String, source: String, location: String) throws(NNVizError) {
        guard let colon = token.firstIndex(of: ":") else {
            try self.init(name: token, slope: nil, source: source, location: location)
            return
        }
        let name = String(token[..<colon]), text = String(token[token.index(after: colon)...])
        guard Activation.allNames.contains(name) else {
            try self.init(name: name, slope: nil, source: source, location: location)
            return
        }
        guard name == "leaky_relu" else {
            throw NNVizError(source, location, "\(name) takes no parameter; only leaky_relu has one, its slope (e.g. leaky_relu:0.2)")
        }
        guard SpecNode.isDecimal(text), let slope = Double(text) else {
            throw NNVizError(source, location, "the slope of leaky_relu must be a number, e.g. leaky_relu:0.2, not '\(SpecNode.clip(text))'")
        }
        try self.init(name: name, slope: slope, source: source, location: location)
    }

    /// The activation called `name` with an optional slope (a spec's `{name: leaky_relu, slope: 0.2}`), or an
    /// error listing the valid names (with a "did you mean" hint) or refusing the slope.
    public init(name: String, slope: Double?, source: String, location: String) throws(NNVizError) {
        if let a = Activation.named(name, slope: slope) {
            self = a
            return
        }
        guard Activation.allNames.contains(name) else {
            let hint = Suggestion.closest(to: name, in: Activation.allNames).map { "did you mean '\($0)'? " } ?? ""
            throw NNVizError(source, location, "unknown activation '\(SpecNode.clip(name))'; \(hint)valid: \(Activation.validNames)")
        }
        if name == "leaky_relu", let slope {
            throw NNVizError(source, location, "the slope of leaky_relu must be a finite number, not \(slope)")
        }
        throw NNVizError(source, location, "\(name) takes no slope; only leaky_relu has one")
    }

    /// The base name, as specs write it: `leaky_relu` whatever its slope.
    public var name: String {
        switch self {
        case .linear: return "linear"
        case .step: return "step"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .leakyReLU: return "leaky_relu"
        case .softmax: return "softmax"
        }
    }

    /// The slope of `leaky_relu` for negative inputs when it is not the default; nil otherwise and for the others.
    public var parameter: Double? {
        if case .leakyReLU(let s) = self, s != Activation.defaultLeakySlope { return s }
        return nil
    }

    /// The name as tables and figures show it: `leaky_relu(0.2)` for a slope other than the default, else the name.
    public var label: String {
        parameter.map { "\(name)(\($0))" } ?? name
    }

    /// The name as the command line and an `.npz`'s `activations` member write it: `leaky_relu:0.2` for a slope
    /// other than the default, else the name. Reads back through `init(named:source:location:)` to the same value.
    public var token: String {
        parameter.map { "\(name):\($0)" } ?? name
    }
}
