/// How many pixels have each `0xRRGGBB` colour: an open-addressing table keyed by the colour (a multiplicative hash,
/// linear probing, doubling at half full), counting runs of one colour with a single probe.
///
/// `GIFPalette` sorts what it reads back by count and colour, so the table's own order never reaches a file.
struct ColorCounts {
    /// `empty` marks a free slot: no 24-bit colour has its top byte set.
    private static let empty: UInt32 = .max
    private var keys: [UInt32]
    private var counts: [Int]
    private var mask: Int
    private var shift: Int
    /// Distinct colours counted.
    private(set) var distinct = 0

    init() {
        keys = [UInt32](repeating: Self.empty, count: 1024)
        counts = [Int](repeating: 0, count: 1024)
        mask = 1023
        shift = 64 - 10
    }

    /// Adds the colours (RGB, alpha ignored) of every 4-byte pixel of `pixels`.
    mutating func add(_ pixels: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = pixels.count & ~3
        while i < n {
            let key = UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2])
            var run = 1
            i += 4
            while i < n && pixels[i] == pixels[i - 4] && pixels[i + 1] == pixels[i - 3] && pixels[i + 2] == pixels[i - 2] {
                run += 1
                i += 4
            }
            add(key, run)
        }
    }

    /// Counts `key` `count` more times.
    mutating func add(_ key: UInt32, _ count: Int) {
        var slot = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while true {
            let k = keys[slot]
            if k == key { counts[slot] += count; return }
            if k == Self.empty { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        counts[slot] = count
        distinct += 1
        if 2 * distinct > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = [UInt32](repeating: Self.empty, count: 2 * oldKeys.count)
        counts = [Int](repeating: 0, count: 2 * oldKeys.count)
        mask = keys.count - 1
        shift -= 1
        distinct = 0
        for (k, c) in zip(oldKeys, oldCounts) where k != Self.empty { add(k, c) }
    }

    /// Every colour with its count, in no particular order.
    var entries: [(key: UInt32, count: Int)] {
        var out: [(key: UInt32, count: Int)] = []
        out.reserveCapacity(distinct)
        for (k, c) in zip(keys, counts) where k != Self.empty { out.append((k, c)) }
        return out
    }
}
