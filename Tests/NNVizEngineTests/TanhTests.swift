#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizTestSupport
import Testing
@testable import NNVizEngine

/// The vectorised `tanh` every tanh layer uses: accurate to the last bits, right at the edges, and the same value
/// whether computed alone or in a block.
@Suite struct TanhTests {
    /// Values spread log-uniformly over 1e-12 … 1e2 in magnitude, both signs (SplitMix64, fixed seed).
    static func samples(_ count: Int) -> [Double] {
        var rng = SplitMix64(seed: 12_345)
        return (0..<count).map { i in
            let u = rng.unit()
            return (i % 2 == 0 ? 1 : -1) * pow(10, u * 14 - 12)
        }
    }

    #if arch(x86_64) && !os(Windows)
    /// Against `tanhl` in 80-bit precision: the error stays within 2.1 units in the last place (glibc's own `tanh`
    /// reaches 2.14 on the same values), so the engine's tanh layers keep NumPy parity to ~1e-15.
    @Test func withinTwoUlpsOfExtendedPrecision() {
        var worst = 0.0
        for x in Self.samples(200_000) {
            let exact = tanhl(Float80(x))
            let err = abs(Float80(Activation.tanh(x)) - exact) / Float80(Double(exact).ulp)
            worst = Swift.max(worst, Double(err))
        }
        #expect(worst <= 2.1)
    }
    #endif

    @Test func edgeValues() {
        #expect(Activation.tanh(0).bitPattern == (0.0).bitPattern)
        #expect(Activation.tanh(-0.0).bitPattern == (-0.0).bitPattern)
        #expect(Activation.tanh(.infinity) == 1)
        #expect(Activation.tanh(-.infinity) == -1)
        #expect(Activation.tanh(22.5) == 1 && Activation.tanh(-1e4) == -1)
        #expect(Activation.tanh(1e-300) == 1e-300)
        #expect(Activation.tanh(.leastNonzeroMagnitude) == .leastNonzeroMagnitude)
        #expect(Activation.tanh(.nan).isNaN)
    }

    @Test func blocksEqualSingleValues() {
        let z = Self.samples(1_003)
        var a = [Double](repeating: 0, count: z.count)
        z.withUnsafeBufferPointer { zp in a.withUnsafeMutableBufferPointer { Activation.tanh(zp, into: $0) } }
        #expect(a == z.map { Activation.tanh($0) })
        #expect(Activation.tanh.apply(z) == a)
    }
}
