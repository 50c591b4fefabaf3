/// A stable 128-bit content hash (two FNV-1a 64 passes with different offsets), as 32 hex digits: names for
/// generated figures and cache keys, the same on every machine and run.
public struct ContentHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    /// Feeds bytes.
    public mutating func update<C: Collection<UInt8>>(_ bytes: C) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x0000_0100_0000_01b3
        }
    }

    /// Feeds a string's UTF-8 and a separator, so `("ab", "c")` and `("a", "bc")` differ.
    public mutating func update(_ text: String) {
        update(text.utf8)
        update([0])
    }

    /// 32 lowercase hex digits.
    public var hex: String {
        func h(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return h(a) + h(b)
    }
}
