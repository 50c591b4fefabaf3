/// Shortens the style text cairo writes for every SVG element, without changing what is drawn.
///
/// - `rgb(3.137255%,46.666667%,74.117647%)` becomes `#0877bd` (8 bits a channel, as in PNG output);
/// - `stroke-linecap:butt;` and `stroke-linejoin:miter;` are dropped: they are SVG's defaults.
/// A dense layer's edges shrink from ~217 to ~150 bytes each. Only cairo-generated style text can match (text
/// is written as glyph outlines and images as base64, which has no `(`, `:` or `;`). Runs on the stream
/// (`RewriteStage`).
struct SVGCompaction: ByteRewriter {
    private static let rgb = Array("rgb(".utf8)
    private static let dropped: [[UInt8]] = [Array("stroke-linecap:butt;".utf8), Array("stroke-linejoin:miter;".utf8)]
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `rgb(` and three channels of at most 19 digits (a longer one is left as it is), or a dropped word.
    var lookahead: Int { 128 }

    /// `svg` compacted as a whole.
    static func compact(_ svg: [UInt8]) -> [UInt8] {
        var compaction = SVGCompaction()
        return compaction.rewriteAll(svg)
    }

    func rewrite(_ s: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) -> Int {
        let n = s.count
        let limit = final ? n : n - lookahead
        // s[copied..<i] is still to be copied to `out`, in one piece when a rewrite (or the end) is reached.
        var i = 0, copied = 0
        scan: while i < limit {
            let c = s[i]
            if c == UInt8(ascii: "r"), Self.matches(s, at: i, Self.rgb), let (r, g, b, end) = Self.percentColor(s, from: i + Self.rgb.count) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<i]))
                out.append(UInt8(ascii: "#"))
                for v in [r, g, b] { out.append(Self.hexDigits[v >> 4]); out.append(Self.hexDigits[v & 15]) }
                i = end
                copied = end
                continue
            }
            if c == UInt8(ascii: "s") {
                for word in Self.dropped where Self.matches(s, at: i, word) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<i]))
                    i += word.count
                    copied = i
                    continue scan
                }
            }
            i += 1
        }
        let end = Swift.max(i, copied)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<end]))
        return end
    }

    private static func matches(_ s: UnsafeBufferPointer<UInt8>, at i: Int, _ word: [UInt8]) -> Bool {
        guard i + word.count <= s.count else { return false }
        for k in 0..<word.count where s[i + k] != word[k] { return false }
        return true
    }

    /// Parses `P%,Q%,R%)` from `i`; the three channels as 0…255 and the index after `)`.
    private static func percentColor(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int, Int, Int)? {
        var i = start
        var channels = (0, 0, 0)
        for k in 0..<3 {
            var value = 0.0, scale = 0.0, digits = 0
            while i < s.count {
                let c = s[i]
                if c >= 48 && c <= 57 {
                    if scale == 0 { value = value * 10 + Double(c - 48) } else { value += Double(c - 48) * scale; scale /= 10 }
                    digits += 1
                    // Refused below anyway; stopping here bounds how far ahead a match reads.
                    if digits >= 20 { return nil }
                } else if c == UInt8(ascii: "."), scale == 0 {
                    scale = 0.1
                } else {
                    break
                }
                i += 1
            }
            guard digits > 0, digits < 20, i + 1 < s.count, s[i] == UInt8(ascii: "%") else { return nil }
            let terminator = k < 2 ? UInt8(ascii: ",") : UInt8(ascii: ")")
            guard s[i + 1] == terminator else { return nil }
            i += 2
            let v = min(255, max(0, Int((value * 2.55).rounded())))
            switch k {
            case 0: channels.0 = v
            case 1: channels.1 = v
            default: channels.2 = v
            }
        }
        return (channels.0, channels.1, channels.2, i)
    }
}
