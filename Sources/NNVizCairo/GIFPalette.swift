import NNVizScene

/// One palette of at most 256 colours for every frame of an animation, chosen from the frames' own pixels so
/// that frames share it exactly (no flicker) and flat figure colours stay exact (no banding on backgrounds).
///
/// The most frequent colours (up to `reserved`) get an entry of their own; the remaining colours are split by
/// median cut (the box with the largest channel range times pixel count is halved at its pixel-weighted median, ties broken by the
/// colour value) and each box is represented by its pixel-weighted mean. Pixels map to the nearest entry without
/// dithering. Everything is ordered by counts and colour values, never by hashing, so the same frames give the
/// same palette and indices on every run.
public struct GIFPalette: Sendable, Equatable {
    /// `0xRRGGBB` per entry.
    public let colors: [UInt32]
    /// The palette index of every distinct colour of the frames, sorted by colour.
    let lookupKeys: [UInt32]
    let lookupIndices: [UInt8]

    /// Colours kept exactly when frames have more than 256.
    public static let reserved = 16

    /// The palette of `frames` (RGBA rasters; alpha is ignored, the frames being opaque).
    public init(frames: [Raster]) {
        var counts = ColorCounts()
        for f in frames { f.pixels.withUnsafeBufferPointer { counts.add($0) } }
        // Most frequent first, ties by colour value.
        let entries = counts.entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        var palette: [UInt32]
        if entries.count <= 256 {
            palette = entries.map(\.key)
        } else {
            palette = entries.prefix(Self.reserved).map(\.key)
            palette += Self.medianCut(Array(entries.dropFirst(Self.reserved)), boxes: 256 - Self.reserved)
        }
        colors = palette
        // Nearest entry for each distinct colour (exact ones first hit themselves).
        let sortedKeys = entries.map(\.key).sorted()
        lookupKeys = sortedKeys
        lookupIndices = sortedKeys.map { UInt8(Self.nearest($0, in: palette)) }
    }

    /// The palette index of colour `0xRRGGBB`, which must occur in the frames the palette was made from.
    public func index(of key: UInt32) -> UInt8 {
        var lo = 0, hi = lookupKeys.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if lookupKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lookupKeys.isEmpty || lookupKeys[lo] != key ? UInt8(Self.nearest(key, in: colors)) : lookupIndices[lo]
    }

    /// The frame's pixels as palette indices, row by row.
    public func indices(of frame: Raster) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: frame.width * frame.height)
        var lastKey: UInt32 = .max, lastIndex: UInt8 = 0
        frame.pixels.withUnsafeBufferPointer { p in
            for i in 0..<out.count {
                let key = UInt32(p[4 * i]) << 16 | UInt32(p[4 * i + 1]) << 8 | UInt32(p[4 * i + 2])
                if key != lastKey { lastKey = key; lastIndex = index(of: key) }
                out[i] = lastIndex
            }
        }
        return out
    }

    static func channel(_ key: UInt32, _ c: Int) -> Int { Int((key >> UInt32(16 - 8 * c)) & 0xFF) }

    /// Index of the entry nearest to `key` (squared RGB distance; the lowest index on ties).
    static func nearest(_ key: UInt32, in palette: [UInt32]) -> Int {
        let r = channel(key, 0), g = channel(key, 1), b = channel(key, 2)
        var best = 0, bestD = Int.max
        for (i, p) in palette.enumerated() {
            let dr = r - channel(p, 0), dg = g - channel(p, 1), db = b - channel(p, 2)
            let d = dr * dr + dg * dg + db * db
            if d < bestD { bestD = d; best = i; if d == 0 { break } }
        }
        return best
    }

    /// Up to `boxes` representative colours of `entries` by median cut.
    static func medianCut(_ entries: [(key: UInt32, count: Int)], boxes: Int) -> [UInt32] {
        guard !entries.isEmpty else { return [] }
        var work: [[(key: UInt32, count: Int)]] = [entries]
        func widest(_ box: [(key: UInt32, count: Int)]) -> (channel: Int, range: Int) {
            var best = (channel: 0, range: -1)
            for c in 0..<3 {
                var lo = 255, hi = 0
                for e in box { let v = channel(e.key, c); lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
                if hi - lo > best.range { best = (c, hi - lo) }
            }
            return best
        }
        while work.count < boxes {
            // The box with the largest range × pixels (the first such box on ties), so smooth fields that cover much of
            // the frame get many entries and rare anti-aliasing shades few; stop when every box is one colour.
            var pick = -1, pickScore = 0, pickChannel = 0
            for (i, box) in work.enumerated() where box.count > 1 {
                let w = widest(box)
                let score = w.range * box.reduce(0) { $0 + $1.count }
                if score > pickScore { pick = i; pickScore = score; pickChannel = w.channel }
            }
            guard pick >= 0 else { break }
            let c = pickChannel
            let sorted = work[pick].sorted { channel($0.key, c) != channel($1.key, c) ? channel($0.key, c) < channel($1.key, c) : $0.key < $1.key }
            let total = sorted.reduce(0) { $0 + $1.count }
            var acc = 0, cut = 1
            for (i, e) in sorted.enumerated() {
                acc += e.count
                if 2 * acc >= total { cut = Swift.min(Swift.max(1, i + 1), sorted.count - 1); break }
            }
            work[pick] = Array(sorted[..<cut])
            work.append(Array(sorted[cut...]))
        }
        return work.map { box in
            var sums = [0, 0, 0], total = 0
            for e in box { for c in 0..<3 { sums[c] += channel(e.key, c) * e.count }; total += e.count }
            let m = sums.map { UInt32(($0 + total / 2) / Swift.max(1, total)) }
            return m[0] << 16 | m[1] << 8 | m[2]
        }
    }
}
