/// Where a network read from another framework's file came from: the format, and what became of each of the
/// file's own layers (or state-dict tensors, or ONNX nodes): kept as an nnviz layer, folded into one, skipped as an
/// identity at inference, or the input. `nnviz summary` prints it.
public struct ModelProvenance: Equatable, Sendable {
    /// The format in words, e.g. `Keras 3 .keras (Sequential 'xor')` or `safetensors (PyTorch state dict)`.
    public var format: String
    /// The framework's layers in file order.
    public var layers: [Entry]

    /// One layer (or tensor, or node) of the source file.
    public struct Entry: Equatable, Sendable {
        /// Its name in the file: `dense_1`, `fc1.weight`.
        public var name: String
        /// What the framework calls it: `Dense`, `Dropout`, `tensor (5, 4)`, `Gemm`.
        public var type: String
        public var fate: Fate

        public init(name: String, type: String, fate: Fate) {
            self.name = name
            self.type = type
            self.fate = fate
        }
    }

    /// What nnviz made of a source layer.
    public enum Fate: Equatable, Sendable {
        /// The network's input, with this many features.
        case input(features: Int)
        /// Became the nnviz layer of this name (`detail`: how, e.g. `weights transposed from (out, in)`).
        case layer(String, detail: String)
        /// Merged into the nnviz layer of this name (an activation layer: its activation).
        case folded(into: String, detail: String)
        /// Left out, with the reason (`identity at inference`).
        case skipped(String)

        /// The fate in words, for `summary`.
        public var text: String {
            switch self {
            case .input(let n): return "the input (\(n) feature\(n == 1 ? "" : "s"))"
            case .layer(let name, let detail): return "layer '\(name)'" + (detail.isEmpty ? "" : " (\(detail))")
            case .folded(let name, let detail): return "folded into '\(name)'" + (detail.isEmpty ? "" : " (\(detail))")
            case .skipped(let why): return "skipped (\(why))"
            }
        }
    }

    public init(format: String, layers: [Entry] = []) {
        self.format = format
        self.layers = layers
    }
}
