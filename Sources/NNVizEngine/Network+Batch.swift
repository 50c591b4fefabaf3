#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension Network {
    /// The last layer's activations for every row of `batch`, evaluated in tiles on every core.
    ///
    /// Equal bit for bit to `forward(batch).output` (same accumulation order, same activation code), but no hidden
    /// layer is ever held for more than one tile per worker, so memory stays flat for millions of rows.
    public func outputs(_ batch: Matrix, source: String = "batch") throws(NNVizError) -> Matrix {
        guard batch.cols == inputCount else {
            throw NNVizError(source, "", "samples have \(batch.cols) values but \(name) takes \(inputCount) inputs (\(inputLabels.joined(separator: ", ")))")
        }
        var out = Matrix(rows: batch.rows, cols: outputCount)
        batch.data.withUnsafeBufferPointer { input in
            out.data.withUnsafeMutableBufferPointer { output in
                evaluateOutputs(rows: batch.rows, input: input, into: output)
            }
        }
        return out
    }

    /// Writes the last layer's activations of `rows` samples (`input`: rows × inputs, row-major) into `output`
    /// (rows × outputs, row-major), splitting the rows over every core and each share into tiles of `tileRows`.
    ///
    /// Scratch space is allocated once per share, never per sample. The buffers must hold exactly the stated sizes.
    public func evaluateOutputs(rows: Int, input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>,
                                tileRows: Int = 256) {
        precondition(input.count == rows * inputCount && output.count == rows * outputCount, "buffer sizes do not match the batch")
        guard rows > 0 else { return }
        let tile = Swift.max(1, tileRows)
        let tiles = (rows + tile - 1) / tile
        let cores = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        // A few shares per core so a busy core does not hold the others up; never more shares than tiles.
        let shares = Swift.min(tiles, cores * 4)
        let buffers = BatchBuffers(input: input, output: output)
        let widest = layers.reduce(inputCount) { Swift.max($0, $1.fanOut) }
        if shares == 1 {
            evaluateShare(0, of: 1, tiles: tiles, tile: tile, rows: rows, widest: widest, buffers: buffers)
            return
        }
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            evaluateShare(share, of: shares, tiles: tiles, tile: tile, rows: rows, widest: widest, buffers: buffers)
        }
    }

    /// Evaluates the tiles `share`, `share + shares`, … with two scratch tiles of `tile × widest` values.
    private func evaluateShare(_ share: Int, of shares: Int, tiles: Int, tile: Int, rows: Int, widest: Int, buffers: BatchBuffers) {
        let a = UnsafeMutableBufferPointer<Double>.allocate(capacity: tile * widest)
        let z = UnsafeMutableBufferPointer<Double>.allocate(capacity: tile * widest)
        defer { a.deallocate(); z.deallocate() }
        let nIn = inputCount, nOut = outputCount
        var t = share
        while t < tiles {
            let first = t * tile
            let count = Swift.min(tile, rows - first)
            // The tile's inputs become the first layer's activations.
            for i in 0..<(count * nIn) { a[i] = buffers.input[first * nIn + i] }
            for layer in layers {
                Network.affineTile(count, a, layer, into: z)
                let n = layer.fanOut
                for r in 0..<count {
                    let zr = UnsafeBufferPointer(rebasing: z[(r * n)..<((r + 1) * n)])
                    let ar = UnsafeMutableBufferPointer(rebasing: a[(r * n)..<((r + 1) * n)])
                    layer.activation.apply(zr, into: ar)
                }
            }
            for i in 0..<(count * nOut) { buffers.output[first * nOut + i] = a[i] }
            t += shares
        }
    }

    /// `z = a @ W + b` for `count` rows held in `a`, in the same order as `affine` (k ascending, bias last).
    @inline(__always)
    private static func affineTile(_ count: Int, _ a: UnsafeMutableBufferPointer<Double>, _ layer: Layer,
                                   into z: UnsafeMutableBufferPointer<Double>) {
        let m = layer.fanIn, n = layer.fanOut
        layer.weights.data.withUnsafeBufferPointer { w in
            layer.bias.withUnsafeBufferPointer { b in
                for r in 0..<count {
                    let zrow = r * n, arow = r * m
                    for j in 0..<n { z[zrow + j] = 0 }
                    for k in 0..<m {
                        let av = a[arow + k]
                        let wrow = k * n
                        for j in 0..<n { z[zrow + j] += av * w[wrow + j] }
                    }
                    for j in 0..<n { z[zrow + j] += b[j] }
                }
            }
        }
    }
}

/// The caller's input and output buffers, shared by the workers of one batch evaluation; each worker writes
/// only the rows of its own tiles, so no two workers touch the same value.
private struct BatchBuffers: @unchecked Sendable {
    let input: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<Double>
}
