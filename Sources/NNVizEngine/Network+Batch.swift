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
        var out = [Double](repeating: 0, count: batch.rows * outputCount)
        batch.data.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                evaluateOutputs(rows: batch.rows, input: input, into: output)
            }
        }
        return Matrix(rows: batch.rows, cols: outputCount, uncheckedData: out)
    }

    /// Writes the last layer's activations of `rows` samples (`input`: rows × inputs, row-major) into `output`
    /// (rows × outputs, row-major), splitting the rows over every core and each share into tiles of `tileRows`.
    ///
    /// Scratch space is allocated once per share, never per sample. The buffers must hold exactly the stated sizes.
    /// `parallel: false` keeps the work on the calling thread (for callers that already spread work over cores).
    /// Internal: reached through `outputs(_:)` and `evaluateGrid`, which size the buffers.
    func evaluateOutputs(rows: Int, input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>,
                                tileRows: Int = 256, parallel: Bool = true) {
        precondition(input.count == rows * inputCount && output.count == rows * outputCount, "buffer sizes do not match the batch")
        guard rows > 0 else { return }
        let tile = Swift.max(1, tileRows)
        let tiles = (rows + tile - 1) / tile
        let cores = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        // A few shares per core so a busy core does not hold the others up; never more shares than tiles.
        let shares = Swift.min(tiles, cores * 4)
        let buffers = BatchBuffers(input: input, output: output)
        let widest = layers.reduce(inputCount) { Swift.max($0, $1.fanOut) }
        if shares == 1 || !parallel {
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
                if layer.activation == .softmax {
                    for r in 0..<count {
                        layer.activation.apply(UnsafeBufferPointer(rebasing: z[(r * n)..<((r + 1) * n)]),
                                               into: UnsafeMutableBufferPointer(rebasing: a[(r * n)..<((r + 1) * n)]))
                    }
                } else {
                    // Element-wise activations: the whole tile at once (same values as row by row).
                    layer.activation.apply(UnsafeBufferPointer(rebasing: z[0..<(count * n)]),
                                           into: UnsafeMutableBufferPointer(rebasing: a[0..<(count * n)]))
                }
            }
            for i in 0..<(count * nOut) { buffers.output[first * nOut + i] = a[i] }
            t += shares
        }
    }

    /// `z = a @ W + b` for `count` rows held in `a`, each value accumulated in the same order as `affine`
    /// (0, then `+ a_k·w_kj` for k ascending, then `+ b_j`), eight neurons of two rows at a time in SIMD registers
    /// (two independent sums hide the adds' latency and share each load of the weights).
    @inline(__always)
    private static func affineTile(_ count: Int, _ a: UnsafeMutableBufferPointer<Double>, _ layer: Layer,
                                   into z: UnsafeMutableBufferPointer<Double>) {
        let m = layer.fanIn, n = layer.fanOut
        let blocks = n / 8
        guard let ap = a.baseAddress, let zp = z.baseAddress else { return }
        layer.weights.data.withUnsafeBufferPointer { wb in
            layer.bias.withUnsafeBufferPointer { bb in
                guard let w = wb.baseAddress, let b = bb.baseAddress else { return }
                var r = 0
                while r < count {
                    // Rows r and r + 1; a last odd row is paired with itself and stored once.
                    let pair = r + 1 < count
                    let a0 = ap + r * m, a1 = pair ? a0 + m : a0
                    let z0 = zp + r * n, z1 = pair ? z0 + n : z0
                    for blk in 0..<blocks {
                        let j = blk * 8
                        var acc0 = SIMD8<Double>(repeating: 0), acc1 = SIMD8<Double>(repeating: 0)
                        for k in 0..<m {
                            let wv = UnsafeRawPointer(w + k * n + j).loadUnaligned(as: SIMD8<Double>.self)
                            acc0 += SIMD8(repeating: a0[k]) * wv
                            acc1 += SIMD8(repeating: a1[k]) * wv
                        }
                        let bv = UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<Double>.self)
                        UnsafeMutableRawPointer(z0 + j).storeBytes(of: acc0 + bv, as: SIMD8<Double>.self)
                        UnsafeMutableRawPointer(z1 + j).storeBytes(of: acc1 + bv, as: SIMD8<Double>.self)
                    }
                    for j in (blocks * 8)..<n {
                        var acc0 = 0.0, acc1 = 0.0
                        for k in 0..<m { acc0 += a0[k] * w[k * n + j]; acc1 += a1[k] * w[k * n + j] }
                        z0[j] = acc0 + b[j]
                        z1[j] = acc1 + b[j]
                    }
                    r += 2
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
