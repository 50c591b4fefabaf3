/// Plain decimal numbers (`-12.5`, `0.075`, `3e-4`) read straight from UTF-8 bytes, only where the result is certain to
/// equal `Double(text)`: an integer of significant digits up to 2^53 scaled by a power of ten within 10^±22, where one
/// IEEE multiplication or division is correctly rounded (Clinger's fast path). Anything else is left to `Double(text)`.
enum FastDecimal {
    /// 10^0 … 10^22, each exact in a Double.
    static let powers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// The value of `bytes` when they are exactly `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?` within the fast path's
    /// limits; nil otherwise (including for every text `Double` would reject).
    static func value<C: Collection>(_ bytes: C) -> Double? where C.Element == UInt8 {
        var i = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            bytes.formIndex(after: &i)
        }
        var mantissa: UInt64 = 0, digits = 0, exponent = 0
        /// Reads a run of digits into the mantissa; false when there is none or the mantissa would pass 19 digits.
        func run(fraction: Bool) -> Bool {
            var seen = false
            while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                let d = UInt64(bytes[i] - UInt8(ascii: "0"))
                if mantissa != 0 || d != 0 { digits += 1 }
                if digits > 19 { return false }
                mantissa = mantissa * 10 + d
                if fraction { exponent -= 1 }
                seen = true
                bytes.formIndex(after: &i)
            }
            return seen
        }
        guard run(fraction: false) else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            bytes.formIndex(after: &i)
            guard run(fraction: true) else { return nil }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            bytes.formIndex(after: &i)
            var negativeExponent = false
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negativeExponent = bytes[i] == UInt8(ascii: "-")
                bytes.formIndex(after: &i)
            }
            var e = 0, seen = false
            while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                if e < 10_000 { e = e * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
                seen = true
                bytes.formIndex(after: &i)
            }
            guard seen else { return nil }
            exponent += negativeExponent ? -e : e
        }
        guard i == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(mantissa)
        let v = exponent >= 0 ? m * powers[exponent] : m / powers[-exponent]
        return negative ? -v : v
    }
}
