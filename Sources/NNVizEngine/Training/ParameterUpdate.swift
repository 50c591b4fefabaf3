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
        let eta = learningRate, mu = momentum
        let c1 = 1 - pow(Self.beta1, Double(t)), c2 = 1 - pow(Self.beta2, Double(t))
        for l in 0..<p.layerCount {
            for (isBias, grad) in [(false, g.gradWeights[l]), (true, g.gradBiases[l])] {
                func step(_ w: inout [Double], _ m: inout [Double], _ v: inout [Double]) {
                    switch optimizer {
                    case .sgd where mu == 0:
                        for j in w.indices { w[j] -= eta * grad[j] }
                    case .sgd:
                        for j in w.indices {
                            m[j] = mu * m[j] - eta * grad[j]
                            w[j] += m[j]
                        }
                    case .adam:
                        let b1 = Self.beta1, b2 = Self.beta2
                        for j in w.indices {
                            let gj = grad[j]
                            m[j] = b1 * m[j] + (1 - b1) * gj
                            v[j] = b2 * v[j] + (1 - b2) * gj * gj
                            let mHat = m[j] / c1
                            let vHat = v[j] / c2
                            w[j] -= eta * mHat / (vHat.squareRoot() + Self.epsilon)
                        }
                    }
                }
                if isBias {
                    step(&p.biases[l], &first.biases[l], &second.biases[l])
                } else {
                    step(&p.weights[l], &first.weights[l], &second.weights[l])
                }
            }
        }
    }
}
