/// Pixel coverage of straight strips, tabulated once per (direction, width) class and shared by the segments
/// of a batch.
///
/// A table holds `PixelProfile.cover` for distances 0, 1/32, 2/32 … px from the centre line (coverage is
/// symmetric), as 0…65535. Directions are classed by a = max(|cos|, |sin|) in 1/64 steps of [√½, 1] and
/// half-widths in 1/64 px steps: the quantisation moves an edge by under 1/100 px, far below what 8-bit
/// coverage can show, while 109k edges share a few thousand tables.
struct CoverageTables {
    /// Table samples per pixel of distance.
    static let samplesPerPixel = 32
    private static let directionSteps = 64.0
    private static let halfSteps = 64.0

    /// All tables back to back.
    private(set) var storage: [UInt16] = []
    private var tables: [Int: (offset: Int, last: Int)] = [:]

    /// Where in `storage` the table for a strip of half-width `half` along direction class `a` starts, and the
    /// index of its last entry: zero, as is every entry from (half + (a + b) / 2) × samplesPerPixel + 2 on.
    mutating func table(a: Double, half: Double) -> (offset: Int, last: Int) {
        let minA = 0.5.squareRoot()
        let aq = Int(((a - minA) / (1 - minA) * CoverageTables.directionSteps).rounded())
        let hq = Int((half * CoverageTables.halfSteps).rounded())
        let key = hq &* 128 &+ aq
        if let found = tables[key] { return found }
        let qa = min(1, minA + Double(aq) / CoverageTables.directionSteps * (1 - minA))
        let profile = PixelProfile(a: qa, b: max(0, 1 - qa * qa).squareRoot())
        let qHalf = Double(hq) / CoverageTables.halfSteps
        let n = Int(((qHalf + profile.h) * Double(CoverageTables.samplesPerPixel)).rounded(.up)) + 4
        let offset = storage.count
        storage.reserveCapacity(offset + n)
        for i in 0..<n {
            let across = Double(i) / Double(CoverageTables.samplesPerPixel)
            storage.append(UInt16((profile.cover(across, half: qHalf) * 65535).rounded()))
        }
        tables[key] = (offset, n - 1)
        return (offset, n - 1)
    }
}
