import Dispatch

extension Network {
    /// Runs a batch (`samples × inputs`) through every layer and returns the trace.
    ///
    /// Throws when the batch width differs from the network's input count, or when a pre-activation overflows to
    /// infinity or NaN (naming the sample and neuron, then advice for what `inputs` are); `source` names the batch
    /// in the message.
    /// Large batches are split into row chunks spread over the cores; every value is computed exactly as it would
    /// be for a single sample, so the result never depends on the split.
    public func forward(_ batch: Matrix, source: String = "batch", inputs: ForwardInputs = .samples) throws(NNVizError) -> Trace {
        guard batch.cols == inputCount else {
            throw NNVizError(source, "", "samples have \(batch.cols) values but \(name) takes \(inputCount) inputs (\(inputLabels.joined(separator: ", ")))")
        }
        let rows = batch.rows
        var pre: [Matrix] = [], post: [Matrix] = []
        pre.reserveCapacity(layers.count)
        post.reserveCapacity(layers.count)
        var a = batch.data
        for layer in layers {
            let n = layer.fanOut, total = rows * n
            // Rows per task: enough multiply-adds per chunk to outweigh scheduling; small batches stay on one thread.
            let chunk = max(64, 131_072 / max(layer.fanIn * n, 1))
            let chunks = (rows + chunk - 1) / chunk
            var postData: [Double] = []
            let preData = [Double](unsafeUninitializedCapacity: total) { zb, zCount in
                postData = [Double](unsafeUninitializedCapacity: total) { ob, oCount in
                    a.withUnsafeBufferPointer { ab in
                        let input = SendablePointer(ab.baseAddress), z = SendablePointer(zb.baseAddress),
                            out = SendablePointer(ob.baseAddress)
                        let run = { @Sendable (c: Int) in
                            let start = c * chunk, count = min(chunk, rows - start)
                            guard count > 0, let i = input.pointer, let zp = z.pointer, let op = out.pointer else { return }
                            layer.apply(i + start * layer.fanIn, rows: count, pre: zp + start * n, post: op + start * n)
                        }
                        if chunks <= 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
                    }
                    oCount = total
                }
                zCount = total
            }
            if let i = preData.firstIndex(where: { !$0.isFinite }) {
                let neuron = layer.neuronLabels[i % n]
                throw NNVizError(source, "sample \(i / n)",
                                 "\(layer.name) neuron \(neuron): z = a·W + b is not finite (\(preData[i])); \(inputs.overflowAdvice)")
            }
            pre.append(Matrix(rows: rows, cols: n, uncheckedData: preData))
            post.append(Matrix(rows: rows, cols: n, uncheckedData: postData))
            a = postData
        }
        return Trace(input: batch, pre: pre, post: post, unchecked: ())
    }
}

/// A raw buffer address handed to the row-chunk tasks of `forward`; each task touches only its own rows.
struct SendablePointer: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer?

    init(_ p: UnsafePointer<Double>?) { raw = p.map { UnsafeMutableRawPointer(mutating: $0) } }
    init(_ p: UnsafeMutablePointer<Double>?) { raw = p.map { UnsafeMutableRawPointer($0) } }

    var pointer: UnsafeMutablePointer<Double>? { raw?.assumingMemoryBound(to: Double.self) }
}
