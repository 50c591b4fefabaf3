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
        if #available(macOS 15.0, *), let exact = fastDecimal(mantissa, e2, digits) {
            return (negative ? "-" : "") + pointed(exact.description, digits)
        }
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
        return (negative ? "-" : "") + pointed(result.decimal, digits)
    }

    /// The integer `digits` as a number with `places` decimals: `"5", 2` → `"0.05"`.
    private static func pointed(_ digits: String, _ places: Int) -> String {
        var s = digits
        if places > 0 {
            if s.count <= places { s = String(repeating: "0", count: places - s.count + 1) + s }
            s.insert(".", at: s.index(s.endIndex, offsetBy: -places))
        }
        return s
    }

    /// mantissa · 2^e2 · 10^digits rounded to an integer (ties to even) in 128-bit arithmetic, the same result as
    /// the big-integer path; nil when it does not fit (huge values or more than 20 places). This is what a table
    /// of ordinary values takes: one multiplication and one shift instead of a big-integer expansion.
    @available(macOS 15.0, *)
    private static func fastDecimal(_ mantissa: UInt64, _ e2: Int, _ digits: Int) -> UInt128? {
        guard digits <= 20 else { return nil }
        var power: UInt128 = 1
        for _ in 0..<digits { power *= 10 }
        let num = UInt128(mantissa) * power  // < 2^53 · 10^20 < 2^120
        if e2 >= 0 {
            guard e2 < num.leadingZeroBitCount else { return num == 0 ? 0 : nil }
            return num << e2
        }
        let shift = -e2
        guard shift < 128 else { return 0 }  // num < 2^120 ≤ half of 2^shift: rounds to zero
        let q = num >> shift
        let rem = num & ((1 << shift) - 1)
        let half: UInt128 = 1 << (shift - 1)
        return rem > half || (rem == half && q & 1 == 1) ? q + 1 : q
    }
}
