/// The Eisel–Lemire step of decimal-to-binary conversion (Lemire, "Number Parsing at a Gigabyte per Second", 2021,
/// as in the fast_float library): w × 10^q rounded to the nearest double, ties to even, from one or two 64×64-bit
/// multiplications by a truncated 128-bit power of five (`PowersOfFive`).
enum EiselLemire {
    /// The bit pattern (sign clear) of w × 10^q correctly rounded, or nil in the rare case where the truncated
    /// product cannot decide the rounding (the caller then asks `Double(String)`). Zero below the smallest
    /// subnormal, infinity above the largest double.
    static func bits(_ w0: UInt64, _ q: Int) -> UInt64? {
        if w0 == 0 || q < PowersOfFive.smallest { return 0 }
        if q > PowersOfFive.largest { return 0x7FF0_0000_0000_0000 }
        let lz = w0.leadingZeroBitCount
        let w = w0 << UInt64(lz)
        let index = 2 * (q - PowersOfFive.smallest)
        let (hi, lo) = PowersOfFive.table.withUnsafeBufferPointer { table -> (UInt64, UInt64) in
            var (hi, lo) = w.multipliedFullWidth(by: table[index])
            // 52 explicit bits + 3 decide the rounding; when those are all ones, refine with the next 64 bits.
            let precisionMask: UInt64 = 0xFFFF_FFFF_FFFF_FFFF >> 55
            if hi & precisionMask == precisionMask {
                let next = w.multipliedFullWidth(by: table[index + 1]).high
                let (sum, carry) = lo.addingReportingOverflow(next)
                lo = sum
                if carry { hi &+= 1 }
            }
            return (hi, lo)
        }
        // Outside -27...55 the table entry is inexact; a low word of all ones might hide a carry.
        if lo == .max, q < -27 || q > 55 { return nil }
        let upperBit = Int(hi >> 63)
        let shift = UInt64(upperBit + 64 - 52 - 3)
        var mantissa = hi >> shift
        var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - lz + 1023
        if power2 <= 0 {
            // Subnormal (or zero): shift into place and round half up, which is exact here (no ties reach it).
            if -power2 + 1 >= 64 { return 0 }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            power2 = mantissa < 1 << 52 ? 0 : 1
            return mantissa | UInt64(power2) << 52
        }
        // An exact tie (possible only for -4 ≤ q ≤ 23) rounds to even.
        if lo <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == hi {
            mantissa &= ~1
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= 2 << 52 {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        if power2 >= 0x7FF { return 0x7FF0_0000_0000_0000 }
        return mantissa | UInt64(power2) << 52
    }
}
