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

    /// A trace of a batch `input` through layers whose pre-activations and activations are `pre` and `post`.
    ///
    /// - Throws: `ShapeError.traceLayerCount` when `pre` and `post` differ in count, `.traceLayer` when a layer's
    ///   matrices do not both hold one row per sample and the same columns.
    public init(input: Matrix, pre: [Matrix], post: [Matrix]) throws(ShapeError) {
        guard pre.count == post.count else { throw .traceLayerCount(pre: pre.count, post: post.count) }
        for (k, (z, a)) in zip(pre, post).enumerated() where z.rows != input.rows || a.rows != input.rows || z.cols != a.cols {
            throw .traceLayer(layer: k, batch: input.rows, preRows: z.rows, preCols: z.cols, postRows: a.rows, postCols: a.cols)
        }
        self.init(input: input, pre: pre, post: post, unchecked: ())
    }

    /// For the forward pass, whose matrices have these shapes by construction.
    init(input: Matrix, pre: [Matrix], post: [Matrix], unchecked: Void) {
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
