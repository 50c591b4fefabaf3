/// The record of one forward pass: the batch and every layer's pre- and post-activations.
///
/// Figures read a trace; they never run the network themselves.
public struct Trace: Equatable, Sendable {
    /// `batch × inputs`.
    public let input: Matrix
    /// Per layer, `batch × neurons` pre-activations `z = a @ W + b`.
    public let pre: [Matrix]
    /// Per layer, `batch × neurons` activations `act(z)`.
    public let post: [Matrix]

    public init(input: Matrix, pre: [Matrix], post: [Matrix]) {
        self.input = input
        self.pre = pre
        self.post = post
    }

    /// Number of samples.
    public var batchSize: Int { input.rows }
    /// The last layer's activations.
    public var output: Matrix { post.last ?? input }

    /// Activations of layer `k` counting the input layer as 0.
    public func activations(ofLayer k: Int) -> Matrix { k == 0 ? input : post[k - 1] }
}
