extension Network {
    /// Runs a batch (`samples × inputs`) through every layer and returns the trace.
    ///
    /// Throws when the batch width differs from the network's input count, or when a pre-activation overflows to
    /// infinity or NaN (naming the sample and neuron); `source` names the batch in the message.
    public func forward(_ batch: Matrix, source: String = "batch") throws(NNVizError) -> Trace {
        guard batch.cols == inputCount else {
            throw NNVizError(source, "", "samples have \(batch.cols) values but \(name) takes \(inputCount) inputs (\(inputLabels.joined(separator: ", ")))")
        }
        var pre: [Matrix] = []
        var post: [Matrix] = []
        pre.reserveCapacity(layers.count)
        post.reserveCapacity(layers.count)
        var a = batch
        for layer in layers {
            let z = Network.affine(a, layer)
            if let i = z.data.firstIndex(where: { !$0.isFinite }) {
                let neuron = layer.neuronLabels[i % z.cols]
                throw NNVizError(source, "sample \(i / z.cols + 1)",
                                 "\(layer.name) neuron \(neuron): z = a·W + b is not finite (\(z.data[i])); the weights or inputs are too large")
            }
            var out = Matrix(rows: z.rows, cols: z.cols)
            let n = z.cols
            z.data.withUnsafeBufferPointer { zp in
                out.data.withUnsafeMutableBufferPointer { op in
                    for r in 0..<z.rows {
                        let zr = UnsafeBufferPointer(rebasing: zp[(r * n)..<((r + 1) * n)])
                        let or = UnsafeMutableBufferPointer(rebasing: op[(r * n)..<((r + 1) * n)])
                        layer.activation.apply(zr, into: or)
                    }
                }
            }
            pre.append(z)
            post.append(out)
            a = out
        }
        return Trace(input: batch, pre: pre, post: post)
    }

    /// `a @ W + b`, accumulated in the order NumPy's matmul would for these small sizes (k ascending).
    static func affine(_ a: Matrix, _ layer: Layer) -> Matrix {
        let w = layer.weights
        var z = Matrix(rows: a.rows, cols: w.cols)
        let n = w.cols, m = w.rows
        a.data.withUnsafeBufferPointer { ap in
            w.data.withUnsafeBufferPointer { wp in
                z.data.withUnsafeMutableBufferPointer { zp in
                    for r in 0..<a.rows {
                        let zrow = r * n
                        for k in 0..<m {
                            let av = ap[r * m + k]
                            let wrow = k * n
                            for j in 0..<n { zp[zrow + j] += av * wp[wrow + j] }
                        }
                        for j in 0..<n { zp[zrow + j] += layer.bias[j] }
                    }
                }
            }
        }
        return z
    }
}
