/// Reads decimal numbers (`-0.01295`, `3e-4`, `0.12345678901234567`) from bytes to exactly the double
/// `Double(String)` gives, without building a string or calling `strtod` in all but rare cases.
///
/// Up to 19 significant digits the value is exact in a `UInt64`: Clinger's fast path (one IEEE multiplication or
/// division, when the digits and the power of ten are both exact doubles) or else the Eisel–Lemire step
/// (`EiselLemire`), which rounds correctly or says it cannot. Longer mantissas are rounded both ways from their first
/// 19 digits and taken when both agree. What is left (a few in a million of random 20-digit texts, none of 17) goes
/// to `Double(String)`. Tests compare the bits with `Double(String)` on a seeded sample and the known hard cases.
enum DecimalText {
    private static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The value of `[+-]?digits[.digits][(e|E)[+-]?digits]` when finite; nil for other text (`.5`, `1e`, `0x10`,
    /// spaces) and for values that overflow to infinity, which callers refuse with their own message.
    static func fastValue(_ t: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let p = t.baseAddress, let (v, end) = scan(p, from: 0, to: t.count, json: false), end == t.count else {
            return nil
        }
        return v
    }

    /// The JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`) that starts at `p[start]`, and where it
    /// ends; nil when there is none or its value is not finite.
    static func jsonNumber(_ p: UnsafePointer<UInt8>, from start: Int, to n: Int) -> (value: Double, end: Int)? {
        scan(p, from: start, to: n, json: true)
    }

    /// One pass over a number's bytes: syntax (JSON's when `json`, else the looser form `fastValue` takes) and value.
    @inline(__always)
    private static func scan(_ p: UnsafePointer<UInt8>, from start: Int, to n: Int, json: Bool) -> (Double, Int)? {
        var i = start
        guard i < n else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") || (!json && p[i] == UInt8(ascii: "+")) { negative = p[i] == UInt8(ascii: "-"); i += 1 }
        var mantissa: UInt64 = 0
        let intStart = i
        while i < n {
            let d = p[i] &- UInt8(ascii: "0")
            guard d < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(d); i += 1
        }
        let intEnd = i
        guard intEnd > intStart else { return nil }
        if json, intEnd - intStart > 1, p[intStart] == UInt8(ascii: "0") { return nil }
        var fracStart = i, fracEnd = i
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            // Eight digits at a time while there are eight (17-digit weights are mostly fraction).
            while i + 8 <= n {
                let chunk = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian
                guard Self.isEightDigits(chunk) else { break }
                mantissa = mantissa &* 100_000_000 &+ Self.eightDigits(chunk)
                i += 8
            }
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                mantissa = mantissa &* 10 &+ UInt64(d); i += 1
            }
            fracEnd = i
            if json, fracEnd == fracStart { return nil }
        }
        var exponent = 0
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { expNegative = p[i] == UInt8(ascii: "-"); i += 1 }
            let expStart = i
            // Beyond a million the answer is 0 or infinity whatever the digits; saturating keeps the sum exact.
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if exponent < 1_000_000 { exponent = exponent &* 10 &+ Int(d) }
                i += 1
            }
            guard i > expStart else { return nil }
            if expNegative { exponent = -exponent }
        }
        let fraction = fracEnd - fracStart
        var significant = (intEnd - intStart) + fraction
        if significant > 19 {
            // Leading zeros (`0.000123…`) add nothing to the mantissa.
            var k = intStart
            while k < intEnd, p[k] == UInt8(ascii: "0") { significant -= 1; k += 1 }
            if k == intEnd {
                k = fracStart
                while k < fracEnd, p[k] == UInt8(ascii: "0") { significant -= 1; k += 1 }
            }
        }
        var bits: UInt64?
        if significant <= 19 {
            let e = exponent - fraction
            if mantissa <= 1 << 53, e >= -22, e <= 22 {
                let v = Double(mantissa).scaled(e, powers)
                return (negative ? -v : v, i)
            }
            bits = EiselLemire.bits(mantissa, e)
        } else {
            bits = longMantissa(p, intStart..<intEnd, fracStart..<fracEnd, exponent: exponent)
        }
        let value: Double
        if let bits {
            value = Double(bitPattern: negative ? bits | 1 << 63 : bits)
        } else {
            guard let v = Double(String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self))
            else { return nil }
            value = v
        }
        return value.isFinite ? (value, i) : nil
    }

    /// Whether the eight bytes of `v` (first byte lowest) are all ASCII digits.
    @inline(__always)
    private static func isEightDigits(_ v: UInt64) -> Bool {
        (v & 0xF0F0_F0F0_F0F0_F0F0) | (((v &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4) == 0x3333_3333_3333_3333
    }

    /// The value of eight ASCII digits (first byte lowest, most significant), by three multiplications.
    @inline(__always)
    private static func eightDigits(_ v: UInt64) -> UInt64 {
        var v = v &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)
        v = ((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064 &+ ((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) >> 32
        return v & 0xFFFF_FFFF
    }

    /// More than 19 significant digits: the first 19 and the power of ten that goes with them, rounded both ways
    /// (truncated, and one unit up); the bits when both agree, else nil.
    private static func longMantissa(_ p: UnsafePointer<UInt8>, _ int: Range<Int>, _ frac: Range<Int>,
                                     exponent: Int) -> UInt64? {
        var w: UInt64 = 0, taken = 0, truncated = false
        var e = exponent
        for k in int.lowerBound..<frac.upperBound where k < int.upperBound || k >= frac.lowerBound {
            let d = p[k] &- UInt8(ascii: "0"), fractional = k >= frac.lowerBound
            if taken == 0 && d == 0 {
                if fractional { e -= 1 }     // a leading zero
            } else if taken < 19 {
                w = w * 10 + UInt64(d); taken += 1
                if fractional { e -= 1 }
            } else {
                truncated = truncated || d != 0
                if !fractional { e += 1 }
            }
        }
        if !truncated {
            return w <= 1 << 53 && e >= -22 && e <= 22 ? Double(w).scaled(e, powers).bitPattern : EiselLemire.bits(w, e)
        }
        guard let low = EiselLemire.bits(w, e), let high = EiselLemire.bits(w + 1, e), low == high else { return nil }
        return low
    }

    /// `fastValue` of a string's bytes.
    static func fastValue<S: StringProtocol>(_ s: S) -> Double? {
        s.utf8.withContiguousStorageIfAvailable { fastValue($0) } ?? nil
    }
}

private extension Double {
    /// `self` × 10^e by one correctly rounded operation (`self` and 10^|e| exact, |e| ≤ 22).
    func scaled(_ e: Int, _ powers: [Double]) -> Double {
        e < 0 ? self / powers[-e] : self * powers[e]
    }
}
