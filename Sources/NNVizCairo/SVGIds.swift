/// Renumbers the SVG ids cairo takes from its process-wide surface counter (`surface12`, `image13`).
///
/// Cairo names the root group and embedded images after each surface's global unique id, so two renders in one
/// process differ. Ids are renumbered 1, 2, … per prefix in order of first appearance, in definitions (`"image13"`)
/// and references (`#image13`), which makes the bytes depend on the scene alone. Runs on the stream
/// (`RewriteStage`): the numbering so far is kept between pieces.
struct SVGIds: ByteRewriter {
    private static let prefixes: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]
    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), paren = UInt8(ascii: ")")
    private var maps: [[Int: Int]] = Array(repeating: [:], count: prefixes.count)

    /// A prefix, at most 12 digits and the closing quote or parenthesis.
    var lookahead: Int { 32 }

    /// `svg` renumbered as a whole.
    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        var ids = SVGIds()
        return ids.rewriteAll(svg)
    }

    mutating func rewrite(_ s: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) -> Int {
        let n = s.count
        let limit = final ? n : n - lookahead
        // s[copied..<i] is still to be copied to `out`, in one piece when an id (or the end) is reached.
        var i = 0, copied = 0
        while i < limit {
            let c = s[i]
            i += 1
            guard c == Self.quote || c == Self.hash else { continue }
            for (k, prefix) in Self.prefixes.enumerated() where i + prefix.count < n && s[i] == prefix[0] {
                guard UnsafeBufferPointer(rebasing: s[i..<(i + prefix.count)]).elementsEqual(prefix) else { continue }
                var j = i + prefix.count
                var value = 0, digits = 0
                while j < n, s[j] >= 48, s[j] <= 57, digits < 12 {
                    value = value * 10 + Int(s[j] - 48); j += 1; digits += 1
                }
                guard digits > 0, j < n, s[j] == Self.quote || s[j] == Self.paren else { continue }
                let number: Int
                if let known = maps[k][value] { number = known } else { number = maps[k].count + 1; maps[k][value] = number }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<i]))
                out.append(contentsOf: prefix)
                out.append(contentsOf: Array(String(number).utf8))
                i = j
                copied = j
                break
            }
        }
        let end = Swift.max(i, copied)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<end]))
        return end
    }
}
