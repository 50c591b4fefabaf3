import NNVizEngine

/// How figures name and write each activation: its symbol as a function (`σ`), its formula and its derivative's,
/// in the notation of the lessons (`σ(z) = 1 / (1 + e⁻ᶻ)`).
public enum ActivationFormula {
    /// The function's symbol: `σ`, `tanh`, `ReLU`, `leaky ReLU`, `step`, `id` (linear), `softmax`.
    public static func symbol(_ a: Activation) -> String {
        switch a {
        case .sigmoid: "σ"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .leakyReLU: "LReLU"
        case .step: "step"
        case .linear: "id"
        case .softmax: "softmax"
        }
    }

    /// The definition, e.g. `σ(z) = 1 / (1 + e⁻ᶻ)`, `ReLU(z) = max(0, z)`.
    public static func formula(_ a: Activation) -> String {
        switch a {
        case .sigmoid: "σ(z) = 1 / (1 + e⁻ᶻ)"
        case .tanh: "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)"
        case .relu: "ReLU(z) = max(0, z)"
        case .leakyReLU: "LReLU(z) = max(" + LabelFormat.trimmed(slope(a), 4) + "·z, z)"
        case .step: "step(z) = 1 if z > 0, else 0"
        case .linear: "id(z) = z"
        case .softmax: "softmax(z)ᵢ = eᶻⁱ / Σⱼ eᶻʲ"
        }
    }

    /// The derivative, e.g. `σ′(z) = σ(z)·(1 − σ(z))`.
    public static func derivative(_ a: Activation) -> String {
        switch a {
        case .sigmoid: "σ′(z) = σ(z)·(1 − σ(z))"
        case .tanh: "tanh′(z) = 1 − tanh²(z)"
        case .relu: "ReLU′(z) = 1 if z > 0, else 0"
        case .leakyReLU: "LReLU′(z) = 1 if z > 0, else " + LabelFormat.trimmed(slope(a), 4)
        case .step: "step′(z) = 0 (undefined at 0)"
        case .linear: "id′(z) = 1"
        case .softmax: "∂softmaxᵢ/∂zᵢ = sᵢ·(1 − sᵢ)"
        }
    }

    /// The activation's value at `z` in the lesson's words: `σ(0.190)`.
    public static func applied(_ a: Activation, _ z: String) -> String {
        a == .softmax ? "softmax(z)" : symbol(a) + "(" + z + ")"
    }

    /// The slope of leaky ReLU for negative z, read from the function itself.
    static func slope(_ a: Activation) -> Double { -a.value(-1) }
}
