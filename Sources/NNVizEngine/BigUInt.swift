/// Just enough unsigned big-integer arithmetic for exact decimal formatting.
struct BigUInt: Sendable {
    var limbs: [UInt32]  // little-endian

    init(_ v: UInt64) { limbs = [UInt32(truncatingIfNeeded: v), UInt32(truncatingIfNeeded: v >> 32)] }

    var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }

    mutating func multiply(by k: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let p = UInt64(limbs[i]) * UInt64(k) + carry
            limbs[i] = UInt32(truncatingIfNeeded: p)
            carry = p >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    mutating func add(_ k: UInt32) {
        var carry = UInt64(k)
        var i = 0
        while carry > 0 {
            if i == limbs.count { limbs.append(0) }
            let s = UInt64(limbs[i]) + carry
            limbs[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
            i += 1
        }
    }

    func bit(_ n: Int) -> Bool {
        let li = n / 32
        return li < limbs.count && (limbs[li] >> UInt32(n % 32)) & 1 == 1
    }

    /// `self >> n` and how the dropped bits compare with one half (-1 below, 0 exactly, 1 above).
    func shiftedRightRounding(_ n: Int) -> (BigUInt, Int) {
        var q = BigUInt(0)
        q.limbs = []
        let limbShift = n / 32, bitShift = UInt32(n % 32)
        if limbShift < limbs.count {
            for i in limbShift..<limbs.count {
                var v = limbs[i] >> bitShift
                if bitShift > 0 && i + 1 < limbs.count { v |= limbs[i + 1] << (32 - bitShift) }
                q.limbs.append(v)
            }
        }
        if q.limbs.isEmpty { q.limbs = [0] }
        guard n > 0 else { return (q, -1) }
        let half = bit(n - 1)
        var rest = false
        for b in 0..<(n - 1) where bit(b) { rest = true; break }
        return (q, half ? (rest ? 1 : 0) : -1)
    }

    var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    var decimal: String {
        var digits: [UInt8] = []
        var n = self
        while !n.isZero {
            var rem: UInt64 = 0
            for i in stride(from: n.limbs.count - 1, through: 0, by: -1) {
                let cur = (rem << 32) | UInt64(n.limbs[i])
                n.limbs[i] = UInt32(cur / 1_000_000_000)
                rem = cur % 1_000_000_000
            }
            while n.limbs.count > 1 && n.limbs.last == 0 { n.limbs.removeLast() }
            for _ in 0..<9 { digits.append(UInt8(rem % 10)); rem /= 10 }
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { digits = [0] }
        return String(decoding: digits.reversed().map { $0 + 48 }, as: UTF8.self)
    }
}
