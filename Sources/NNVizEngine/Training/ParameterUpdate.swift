#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One optimiser's state (momentum velocities or Adam's moments, one per parameter, starting at zero) and its step.
struct ParameterUpdate {
    let optimizer: Optimizer
    let learningRate: Double
    let momentum: Double
    /// sgd velocities, or Adam's first moments.
    private var first: (weights: [[Double]], biases: [[Double]])
    /// Adam's second moments.
    private var second: (weights: [[Double]], biases: [[Double]])
    /// Updates applied so far (Adam's t after the increment).
    private(set) var t = 0

    static let beta1 = 0.9
    static let beta2 = 0.999
    static let epsilon = 1e-7

    init(_ p: DenseParameters, options: TrainingOptions) {
        optimizer = options.optimizer
        learningRate = options.learningRate
        momentum = options.momentum
        first = p.zeros()
        second = p.zeros()
    }

    /// Applies the gradients in `g` to `p`: `W −= η·g`; `v = μ·v − η·g; W += v`; or Adam's bias-corrected step.
    mutating func apply(_ g: BackpropWorkspace, to p: inout DenseParameters) {
        t += 1
        let rule = Rule(optimizer: optimizer, eta: learningRate, mu: momentum,
                        c1: 1 - pow(Self.beta1, Double(t)), c2: 1 - pow(Self.beta2, Double(t)))
        for l in 0..<p.layerCount {
            rule.step(&p.weights[l], &first.weights[l], &second.weights[l], g.gradWeights[l])
            rule.step(&p.biases[l], &first.biases[l], &second.biases[l], g.gradBiases[l])
        }
    }

    /// One update's constants (Adam's bias corrections `c1 = 1 − β1ᵗ`, `c2 = 1 − β2ᵗ`), applied buffer by buffer.
    private struct Rule {
        let optimizer: Optimizer
        let eta, mu, c1, c2: Double

        func step(_ weights: inout [Double], _ firsts: inout [Double], _ seconds: inout [Double], _ grad: UnsafeMutablePointer<Double>) {
            let n = weights.count
            weights.withUnsafeMutableBufferPointer { w in
                firsts.withUnsafeMutableBufferPointer { m in
                    seconds.withUnsafeMutableBufferPointer { v in
                        switch optimizer {
                        case .sgd where mu == 0:
                            for j in 0..<n { w[j] -= eta * grad[j] }
                        case .sgd:
                            for j in 0..<n {
                                m[j] = mu * m[j] - eta * grad[j]
                                w[j] += m[j]
                            }
                        case .adam:
                            let b1 = ParameterUpdate.beta1, b2 = ParameterUpdate.beta2, eps = ParameterUpdate.epsilon
                            for j in 0..<n {
                                let gj = grad[j]
                                m[j] = b1 * m[j] + (1 - b1) * gj
                                v[j] = b2 * v[j] + (1 - b2) * gj * gj
                                let mHat = m[j] / c1
                                let vHat = v[j] / c2
                                w[j] -= eta * mHat / (vHat.squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
