/// Fixed-decimal formatting that never depends on the locale (always a `.`, no grouping), for tables and labels.
public enum NumberFormat {
    /// `value` with `decimals` places, correctly rounded from its exact binary value (ties to even), as C's
    /// `%.*f` prints it in the C locale; a negative value that rounds to zero prints without its sign.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let digits = max(0, min(decimals, 17))
        var text = decimalString(value, digits)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    /// Exact decimal expansion of `value`, correctly rounded to `digits` places (ties to even, as glibc does).
    private static func decimalString(_ value: Double, _ digits: Int) -> String {
        // Double → exact rational m · 2^e, expanded in base 10 with big-integer arithmetic on UInt32 limbs.
        let negative = value.sign == .minus
        let v = abs(value)
        let exponent = Int(v.exponent)
        var mantissa = v.significandBitPattern | (v.isNormal ? (1 << 52) : 0)
        var e2 = v.isNormal ? exponent - 52 : -1074
        if v == 0 { mantissa = 0; e2 = 0 }
        // scaled = mantissa · 2^e2 · 10^digits, kept as numerator / 2^shift.
        var num = BigUInt(mantissa)
        for _ in 0..<digits { num.multiply(by: 10) }
        var result: BigUInt
        if e2 >= 0 {
            for _ in 0..<e2 { num.multiply(by: 2) }
            result = num
        } else {
            let shift = -e2
            let (q, remainderHalfCompare) = num.shiftedRightRounding(shift)
            result = q
            if remainderHalfCompare > 0 || (remainderHalfCompare == 0 && result.isOdd) { result.add(1) }
        }
        var s = result.decimal
        if digits > 0 {
            if s.count <= digits { s = String(repeating: "0", count: digits - s.count + 1) + s }
            s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
        }
        return (negative ? "-" : "") + s
    }
}
