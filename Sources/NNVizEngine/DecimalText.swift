/// Reads short decimal numbers (`-0.01295`, `3e-4`) exactly as `Double(String)` does, without its `strtod` call.
///
/// Only texts with at most 15 digits and a net power of ten within ±22 are taken: then the digits and the power are
/// both exact doubles and one IEEE multiplication or division rounds them correctly (Clinger's fast path), which
/// is what `strtod` returns. Anything else returns nil and the caller uses `Double(String)`.
enum DecimalText {
    private static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The value of `[+-]?digits[.digits][(e|E)[+-]?digits]` when it is short enough; nil otherwise.
    static func fastValue(_ t: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, n = t.count
        guard n > 0 else { return nil }
        var negative = false
        if t[0] == UInt8(ascii: "-") || t[0] == UInt8(ascii: "+") { negative = t[0] == UInt8(ascii: "-"); i = 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0
        while i < n, t[i] &- UInt8(ascii: "0") < 10 { mantissa = mantissa &* 10 &+ UInt64(t[i] &- UInt8(ascii: "0")); digits += 1; i += 1 }
        guard digits > 0 else { return nil }
        if i < n, t[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, t[i] &- UInt8(ascii: "0") < 10 {
                mantissa = mantissa &* 10 &+ UInt64(t[i] &- UInt8(ascii: "0")); digits += 1; fraction += 1; i += 1
            }
        }
        guard digits <= 15 else { return nil }
        var exponent = 0
        if i < n, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: "+") { expNegative = t[i] == UInt8(ascii: "-"); i += 1 }
            let start = i
            while i < n, t[i] &- UInt8(ascii: "0") < 10, i - start < 4 { exponent = exponent * 10 + Int(t[i] &- UInt8(ascii: "0")); i += 1 }
            guard i > start else { return nil }
            if expNegative { exponent = -exponent }
        }
        n = i == n ? n : -1
        guard n >= 0 else { return nil }
        let e = exponent - fraction
        guard e >= -22 && e <= 22 else { return nil }
        let m = Double(mantissa)
        let v = e < 0 ? m / powers[-e] : m * powers[e]
        return negative ? -v : v
    }

    /// `fastValue` of a string's bytes.
    static func fastValue<S: StringProtocol>(_ s: S) -> Double? {
        s.utf8.withContiguousStorageIfAvailable { fastValue($0) } ?? nil
    }
}
