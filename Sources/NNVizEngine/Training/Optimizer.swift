/// How `nnviz train` turns gradients into updates.
public enum Optimizer: String, CaseIterable, Sendable {
    /// Stochastic gradient descent, `W −= η·g`, or with momentum μ `v = μ·v − η·g; W += v` (v starts at zero).
    case sgd
    /// Adam as Keras defines it (β1 = 0.9, β2 = 0.999, ε = 1e-7, t counting updates from 1):
    /// `m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; W −= η·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + ε)`.
    case adam

    /// All names, comma-separated, for error hints.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
