/// `RandomState.permutation` and `shuffle` of NumPy's legacy generator, draw for draw.
extension NumPyRandom {
    /// A uniformly drawn integer in `0...max`, as NumPy's `random_interval`: the smallest all-ones mask covering
    /// `max`, then 32-bit draws (64-bit ones when `max` needs them) masked and rejected until one is ≤ `max`.
    public mutating func interval(_ max: UInt64) -> UInt64 {
        guard max > 0 else { return 0 }
        var mask = max
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        if max <= 0xffff_ffff {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            // NumPy's legacy `next_uint64` of an MT19937: the high word first.
            let value = ((UInt64(nextUInt32()) << 32) | UInt64(nextUInt32())) & mask
            if value <= max { return value }
        }
    }

    /// Shuffles `values` in place as `RandomState.shuffle` does a 1-D array: Fisher–Yates from the last index
    /// down to 1, swapping each with `interval(i)`.
    public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i >= 1 {
            let j = Int(interval(UInt64(i)))
            values.swapAt(i, j)
            i -= 1
        }
    }

    /// `np.random.RandomState(seed).permutation(n)`'s draw from this generator: `0..<n` shuffled.
    public mutating func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<max(n, 0))
        shuffle(&order)
        return order
    }
}
