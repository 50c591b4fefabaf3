#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's legacy random generator (`np.random.seed`, `random_sample`, `randn`), reproduced bit for bit.
///
/// An MT19937 seeded as `np.random.seed(int)` seeds it (`init_genrand`), 53-bit doubles, and the polar
/// Box–Muller `gauss` that caches its second value, so `randn` of odd lengths and interleaved calls agree too.
public struct NumPyRandom: Sendable {
    private static let n = 624
    private static let m = 397
    private var state: [UInt32]
    private var index: Int
    private var cachedGauss: Double?

    /// A generator in the state `np.random.seed(seed)` leaves NumPy's global one.
    public init(seed: UInt32) {
        var mt = [UInt32](repeating: 0, count: Self.n)
        mt[0] = seed
        for i in 1..<Self.n {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        state = mt
        index = Self.n
        cachedGauss = nil
    }

    /// The next raw 32-bit output of the Mersenne Twister.
    public mutating func nextUInt32() -> UInt32 {
        if index >= Self.n { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        let n = Self.n, m = Self.m
        state.withUnsafeMutableBufferPointer { mt in
            for i in 0..<n {
                let y = (mt[i] & 0x8000_0000) | (mt[(i + 1) % n] & 0x7fff_ffff)
                var v = mt[(i + m) % n] ^ (y >> 1)
                if y & 1 != 0 { v ^= 0x9908_b0df }
                mt[i] = v
            }
        }
        index = 0
    }

    /// A double in [0, 1) built from 53 random bits, as `np.random.random_sample()`.
    public mutating func randomSample() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// One standard normal value, as NumPy's legacy `gauss` (polar Box–Muller, second value cached).
    public mutating func gauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// `count` standard normal values, as `np.random.randn(count)` (or any shape with that many elements, C order).
    public mutating func randn(_ count: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = gauss() }
        return out
    }

    /// A `rows × cols` matrix of standard normal values, as `np.random.randn(rows, cols)`.
    public mutating func randn(rows: Int, cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, uncheckedData: randn(rows * cols))
    }
}
