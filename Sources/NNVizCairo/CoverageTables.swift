/// Pixel coverage of straight strips, tabulated once per (direction, width) class and shared by the segments
/// of a batch.
///
/// A table holds `PixelProfile.cover` for distances 0, 1/32, 2/32 … px from the centre line (coverage is
/// symmetric), as 0…65535. Directions are classed by a = max(|cos|, |sin|) in 1/64 steps of [√½, 1] and
/// half-widths in 1/64 px steps: the quantisation moves an edge by under 1/100 px, far below what 8-bit
/// coverage can show, while 109k edges share a few thousand tables.
///
/// Segments name their class by `key(a:half:)` (a pure function, so segments are prepared in parallel);
/// `place(_:)` then lays the distinct tables out in order of first use and fills them in parallel, so the
/// storage is the same however the work was shared.
struct CoverageTables {
    /// Table samples per pixel of distance.
    static let samplesPerPixel = 32
    private static let directionSteps = 64.0
    private static let halfSteps = 64.0
    private static let minA = 0.5.squareRoot()

    /// All tables back to back.
    private(set) var storage: [UInt16] = []

    /// The class of a strip of half-width `half` along direction class `a`.
    static func key(a: Double, half: Double) -> Int {
        let aq = Int(((a - minA) / (1 - minA) * directionSteps).rounded())
        let hq = Int((half * halfSteps).rounded())
        return hq &* 128 &+ aq
    }

    /// Lays out one table per distinct key of `keys` (in order of first appearance) and returns, for each key,
    /// where its table starts in `storage` and the index of its last entry: zero, as is every entry from
    /// (half + (a + b) / 2) × samplesPerPixel + 2 on.
    mutating func place(_ keys: UnsafeBufferPointer<Int>) -> [Int: (offset: Int, last: Int)] {
        var placed: [Int: (offset: Int, last: Int)] = [:]
        var order: [(key: Int, offset: Int, count: Int)] = []
        var total = 0
        for key in keys where placed[key] == nil {
            let n = Self.count(key)
            placed[key] = (total, n - 1)
            order.append((key, total, n))
            total += n
        }
        storage = [UInt16](repeating: 0, count: total)
        let tasks = order
        storage.withUnsafeMutableBufferPointer { out in
            let shared = TableOutput(base: out.baseAddress)
            Parallel.forEach(tasks.count) { t in
                guard let base = shared.base else { return }
                Self.fill(tasks[t].key, into: base + tasks[t].offset, count: tasks[t].count)
            }
        }
        return placed
    }

    private static func classes(_ key: Int) -> (profile: PixelProfile, half: Double) {
        let aq = key & 127, hq = key >> 7
        let qa = min(1, minA + Double(aq) / directionSteps * (1 - minA))
        return (PixelProfile(a: qa, b: max(0, 1 - qa * qa).squareRoot()), Double(hq) / halfSteps)
    }

    private static func count(_ key: Int) -> Int {
        let (profile, half) = classes(key)
        return Int(((half + profile.h) * Double(samplesPerPixel)).rounded(.up)) + 4
    }

    private static func fill(_ key: Int, into out: UnsafeMutablePointer<UInt16>, count n: Int) {
        let (profile, half) = classes(key)
        for i in 0..<n {
            let across = Double(i) / Double(samplesPerPixel)
            out[i] = UInt16((profile.cover(across, half: half) * 65535).rounded())
        }
    }
}

/// The tables' storage while tables are filled in parallel (each task writes only its own table).
private struct TableOutput: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt16>?
}
