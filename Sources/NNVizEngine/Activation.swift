#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The activation functions a layer may use, named as in specs and on the command line.
///
/// `sigmoid` and `softmax` are evaluated in forms that stay finite and exact for |z| up to 1e4 and beyond.
/// `leaky_relu` carries its slope for negative inputs (0.01 unless a spec, a model or the command line gives
/// another); `name`, `label` and `token` spell an activation, `named(_:slope:)` and `init(named:source:location:)`
/// read one back.
public enum Activation: Hashable, Sendable {
    case linear
    case step
    case sigmoid
    case tanh
    case relu
    /// `z` for `z > 0`, else `slope · z`.
    case leakyReLU(slope: Double)
    case softmax

    /// The slope of `leaky_relu` for negative inputs when none is given.
    public static let defaultLeakySlope = 0.01

    /// Applies the activation to one row of pre-activations (softmax needs the whole row).
    ///
    /// Unchecked: `a` must hold at least `z.count` values. Public callers use `apply(_:)` on an array.
    func apply(_ z: UnsafeBufferPointer<Double>, into a: UnsafeMutableBufferPointer<Double>) {
        switch self {
        case .linear:
            for i in z.indices { a[i] = z[i] }
        case .step:
            for i in z.indices { a[i] = z[i] > 0 ? 1 : 0 }
        case .sigmoid:
            for i in z.indices { a[i] = Activation.sigmoid(z[i]) }
        case .tanh:
            Activation.tanh(z, into: a)
        case .relu:
            for i in z.indices { a[i] = z[i] > 0 ? z[i] : 0 }
        case .leakyReLU(let slope):
            for i in z.indices { a[i] = z[i] > 0 ? z[i] : slope * z[i] }
        case .softmax:
            var m = -Double.infinity
            for v in z { m = Swift.max(m, v) }
            var sum = 0.0
            for i in z.indices { let e = exp(z[i] - m); a[i] = e; sum += e }
            for i in z.indices { a[i] /= sum }
        }
    }

    /// Applies the activation to one row held in an array.
    public func apply(_ z: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: z.count)
        z.withUnsafeBufferPointer { zp in out.withUnsafeMutableBufferPointer { apply(zp, into: $0) } }
        return out
    }

    /// The logistic function, `1 / (1 + e^-z)`, written so neither branch overflows.
    @inlinable
    public static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }
}
