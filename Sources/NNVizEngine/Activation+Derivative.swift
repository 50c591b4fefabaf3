#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Activation {
    /// The activation of one pre-activation on its own (softmax of a single value is 1).
    public func value(_ z: Double) -> Double { apply([z])[0] }

    /// The slope `act'(z)` of an element-wise activation: sigmoid σ(1−σ), tanh 1−tanh², relu 1 for z > 0 else 0,
    /// leaky_relu 1 for z > 0 else its slope, linear 1, step 0 (undefined at 0, drawn as 0). Softmax depends on
    /// the whole row; alone, its value is constant, so 0.
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .sigmoid:
            let s = Activation.sigmoid(z)
            return s * (1 - s)
        case .tanh:
            let t = value(z)
            return 1 - t * t
        case .relu: return z > 0 ? 1 : 0
        case .leakyReLU: return z > 0 ? 1 : value(-1) / -1
        case .linear: return 1
        case .step, .softmax: return 0
        }
    }
}
