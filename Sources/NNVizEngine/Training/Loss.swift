/// The losses `nnviz train` minimises, each paired with the output activation whose gradient it simplifies.
///
/// Losses are means over the rows of a batch (mse also over the outputs), so one learning rate suits any batch size.
public enum Loss: String, CaseIterable, Sendable {
    /// Binary cross-entropy of one sigmoid output, computed from the logit `z`:
    /// `mean(max(z, 0) − z·y + log1p(exp(−|z|)))`, finite for any `z`.
    case bce
    /// Categorical cross-entropy of a softmax output, via `log_softmax(z)`: `−mean(Σ y·log_softmax(z))`.
    case ce
    /// Mean squared error over all rows and outputs: `mean((a − y)²)`.
    case mse

    /// All names, comma-separated, for error hints.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The loss that suits an output layer: one sigmoid neuron → bce, softmax → ce, anything else → mse.
    public static func natural(for output: Layer) -> Loss {
        if output.activation == .sigmoid && output.fanOut == 1 { return .bce }
        if output.activation == .softmax { return .ce }
        return .mse
    }
}
