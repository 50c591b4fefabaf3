#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The buffers of one batch's forward and backward pass, sized once for the largest batch and reused every step.
///
/// Forward: `z_l = a_{l−1} @ W_l + b_l`, `a_l = act(z_l)`. Backward from the output delta (bce with a sigmoid output
/// and ce with softmax: `(a − y)/m`; mse: `2(a − y)/(m·k) · act'(z)`): `gW_l = a_{l−1}ᵀ @ δ_l`, `gb_l = Σ_rows δ_l`,
/// `δ_{l−1} = (δ_l @ W_lᵀ) · act'(z_{l−1})`, every gradient computed before any update.
final class BackpropWorkspace {
    /// Per layer, `capacity × fanOut` values each.
    let z: [UnsafeMutablePointer<Double>]
    let a: [UnsafeMutablePointer<Double>]
    private let delta: [UnsafeMutablePointer<Double>]
    /// Per layer, shaped as the weights and biases.
    let gradWeights: [UnsafeMutablePointer<Double>]
    let gradBiases: [UnsafeMutablePointer<Double>]
    let capacity: Int

    init(_ p: DenseParameters, rows: Int) {
        func buffers(_ counts: [Int]) -> [UnsafeMutablePointer<Double>] {
            counts.map { count in
                let b = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
                b.initialize(repeating: 0, count: max(count, 1))
                return b
            }
        }
        capacity = rows
        z = buffers(p.fanOuts.map { $0 * rows })
        a = buffers(p.fanOuts.map { $0 * rows })
        delta = buffers(p.fanOuts.map { $0 * rows })
        gradWeights = buffers(zip(p.fanIns, p.fanOuts).map { $0 * $1 })
        gradBiases = buffers(p.fanOuts)
    }

    deinit {
        for b in z + a + delta + gradWeights + gradBiases { b.deallocate() }
    }

    /// The output layer's activations of the last forward pass, `m × k`.
    var output: UnsafeMutablePointer<Double> { a[a.count - 1] }
    /// The output layer's pre-activations of the last forward pass.
    var outputLogits: UnsafeMutablePointer<Double> { z[z.count - 1] }

    /// Runs `m` rows of `input` (`m × fanIn₀`, row after row) forward.
    func forward(_ p: DenseParameters, input: UnsafePointer<Double>, rows m: Int) {
        for l in 0..<p.layerCount {
            let i = p.fanIns[l], o = p.fanOuts[l], act = p.activations[l]
            let zl = z[l], al = a[l]
            p.weights[l].withUnsafeBufferPointer { w in
                p.biases[l].withUnsafeBufferPointer { b in
                    Self.affine(l == 0 ? input : UnsafePointer(a[l - 1]), rows: m, fanIn: i,
                                w.baseAddress!, b.baseAddress!, fanOut: o, into: zl)
                }
            }
            for r in 0..<m {
                act.apply(UnsafeBufferPointer(start: zl + r * o, count: o),
                          into: UnsafeMutableBufferPointer(start: al + r * o, count: o))
            }
        }
    }

    /// `out = x @ w + b` for the first `rows` rows.
    private static func affine(_ x: UnsafePointer<Double>, rows: Int, fanIn: Int, _ w: UnsafePointer<Double>,
                               _ b: UnsafePointer<Double>, fanOut: Int, into out: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let row = out + r * fanOut
            for c in 0..<fanOut { row[c] = 0 }
            for k in 0..<fanIn {
                let xv = x[r * fanIn + k]
                let wk = w + k * fanOut
                for c in 0..<fanOut { row[c] += xv * wk[c] }
            }
            for c in 0..<fanOut { row[c] += b[c] }
        }
    }

    /// Fills `gradWeights` and `gradBiases` for the `m` rows of the last `forward`, whose targets are `targets`
    /// (`m × k`: one-hot, or the 0/1 label for one output).
    func backward(_ p: DenseParameters, input: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                  rows m: Int, loss: Loss) {
        let last = p.layerCount - 1
        let k = p.fanOuts[last]
        let outAct = p.activations[last]
        let al = a[last], zl = z[last], d = delta[last]
        switch loss {
        case .bce, .ce:
            for j in 0..<(m * k) { d[j] = (al[j] - targets[j]) / Double(m) }
        case .mse:
            let scale = Double(m * k)
            for j in 0..<(m * k) {
                d[j] = 2 * (al[j] - targets[j]) / scale * Self.derivative(outAct, z: zl[j], a: al[j])
            }
        }
        var l = last
        while l >= 0 {
            let i = p.fanIns[l], o = p.fanOuts[l]
            let d = delta[l], gw = gradWeights[l], gb = gradBiases[l]
            let x = l == 0 ? input : UnsafePointer(a[l - 1])
            for j in 0..<(i * o) { gw[j] = 0 }
            for r in 0..<m {
                let dr = d + r * o
                for q in 0..<i {
                    let xv = x[r * i + q]
                    let g = gw + q * o
                    for c in 0..<o { g[c] += xv * dr[c] }
                }
            }
            for c in 0..<o { gb[c] = 0 }
            for r in 0..<m { for c in 0..<o { gb[c] += d[r * o + c] } }
            if l > 0 {
                let act = p.activations[l - 1]
                let zp = z[l - 1], ap = a[l - 1], dp = delta[l - 1]
                p.weights[l].withUnsafeBufferPointer { wb in
                    let w = wb.baseAddress!
                    for r in 0..<m {
                        let dr = d + r * o
                        for q in 0..<i {
                            let wq = w + q * o
                            var s = 0.0
                            for c in 0..<o { s += dr[c] * wq[c] }
                            let j = r * i + q
                            dp[j] = s * Self.derivative(act, z: zp[j], a: ap[j])
                        }
                    }
                }
            }
            l -= 1
        }
    }

    /// `act'` from the pre-activation and the activation: sigmoid `a(1−a)`, tanh `1−a²`, relu `1 if z > 0 else 0`,
    /// leaky_relu `1 if z > 0 else its slope`, linear 1. Step and softmax never reach here (refused before training).
    @inline(__always)
    static func derivative(_ act: Activation, z: Double, a: Double) -> Double {
        switch act {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        case .leakyReLU(let slope): return z > 0 ? 1 : slope
        case .linear, .step, .softmax: return 1
        }
    }
}
