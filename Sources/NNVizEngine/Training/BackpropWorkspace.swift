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
    /// Room for the largest layer's transposed weights (`backProject`'s scratch).
    private let transposed: UnsafeMutablePointer<Double>
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
        transposed = buffers([zip(p.fanIns, p.fanOuts).map { $0 * $1 }.max() ?? 1])[0]
    }

    deinit {
        for b in z + a + delta + gradWeights + gradBiases + [transposed] { b.deallocate() }
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
                    DenseKernels.affine(l == 0 ? input : UnsafePointer(a[l - 1]), rows: m, fanIn: i,
                                        w.baseAddress!, b.baseAddress!, fanOut: o, into: zl)
                }
            }
            if act == .softmax {
                for r in 0..<m {
                    act.apply(UnsafeBufferPointer(start: zl + r * o, count: o),
                              into: UnsafeMutableBufferPointer(start: al + r * o, count: o))
                }
            } else {
                // Element by element: one call for the whole batch gives the same values as one per row.
                act.apply(UnsafeBufferPointer(start: zl, count: m * o), into: UnsafeMutableBufferPointer(start: al, count: m * o))
            }
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
            let x = l == 0 ? input : UnsafePointer(a[l - 1])
            DenseKernels.gradient(x, delta[l], rows: m, fanIn: i, fanOut: o, weights: gradWeights[l], biases: gradBiases[l])
            if l > 0 {
                let dp = delta[l - 1]
                p.weights[l].withUnsafeBufferPointer { w in
                    DenseKernels.backProject(delta[l], rows: m, w.baseAddress!, fanIn: i, fanOut: o, scratch: transposed, into: dp)
                }
                Self.scaleByDerivative(p.activations[l - 1], dp, z: z[l - 1], a: a[l - 1], count: m * i)
            }
            l -= 1
        }
    }

    /// `d[j] *= act'(z[j], a[j])` for `count` values, the activation chosen once for all of them.
    private static func scaleByDerivative(_ act: Activation, _ d: UnsafeMutablePointer<Double>, z: UnsafePointer<Double>,
                                          a: UnsafePointer<Double>, count: Int) {
        switch act {
        case .sigmoid: for j in 0..<count { d[j] = d[j] * (a[j] * (1 - a[j])) }
        case .tanh: for j in 0..<count { d[j] = d[j] * (1 - a[j] * a[j]) }
        case .relu: for j in 0..<count { d[j] = d[j] * (z[j] > 0 ? 1 : 0) }
        case .leakyReLU(let slope): for j in 0..<count { d[j] = d[j] * (z[j] > 0 ? 1 : slope) }
        case .linear, .step, .softmax: break  // act' = 1 (step and softmax never reach here)
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
