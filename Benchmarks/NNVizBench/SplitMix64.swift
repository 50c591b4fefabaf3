/// A tiny seeded generator (SplitMix64) for benchmark inputs: integer arithmetic only, so the same seed gives the
/// same numbers on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var x = state
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Roughly normal with mean 0 and standard deviation 1 (a sum of four uniforms), no transcendental functions.
    mutating func bell() -> Double { (unit() + unit() + unit() + unit() - 2) * 3.0.squareRoot() }

    /// `value` rounded to `digits` decimals, so the number written to a file is exactly the one used.
    static func rounded(_ value: Double, digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
