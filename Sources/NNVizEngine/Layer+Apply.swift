extension Layer {
    /// Runs `rows` samples held contiguously in `input` (`rows × fanIn`) through the layer without allocating:
    /// `pre` receives `z = a @ W + b` and `post` receives `act(z)` (both `rows × fanOut`; they may be the same
    /// buffer when z is not needed). The dot products are summed k ascending, as NumPy's matmul does for small sizes.
    ///
    /// Unchecked: the buffers must hold the stated sizes. Reached only through `forward`, which sizes them.
    func apply(_ input: UnsafePointer<Double>, rows: Int, pre: UnsafeMutablePointer<Double>,
                      post: UnsafeMutablePointer<Double>) {
        let m = fanIn, n = fanOut
        weights.data.withUnsafeBufferPointer { wb in
            bias.withUnsafeBufferPointer { bb in
                let w = wb.baseAddress!, b = bb.baseAddress!
                for r in 0..<rows {
                    let a = input + r * m
                    let z = pre + r * n
                    for j in 0..<n { z[j] = 0 }
                    for k in 0..<m {
                        let av = a[k]
                        let wr = w + k * n
                        for j in 0..<n { z[j] += av * wr[j] }
                    }
                    for j in 0..<n { z[j] += b[j] }
                    activation.apply(UnsafeBufferPointer(start: z, count: n),
                                     into: UnsafeMutableBufferPointer(start: post + r * n, count: n))
                }
            }
        }
    }
}
