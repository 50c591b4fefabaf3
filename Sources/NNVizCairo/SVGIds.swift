/// Renumbers the SVG ids cairo takes from its process-wide surface counter (`surface12`, `image13`).
///
/// Cairo names the root group and embedded images after each surface's global unique id, so two renders in one
/// process differ. Ids are renumbered 1, 2, … per prefix in order of first appearance, in definitions (`"image13"`)
/// and references (`#image13`), which makes the bytes depend on the scene alone.
enum SVGIds {
    private static let prefixes: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]
    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), paren = UInt8(ascii: ")")

    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        svg.withUnsafeBufferPointer { s in
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            var maps: [[Int: Int]] = Array(repeating: [:], count: prefixes.count)
            let n = s.count
            // s[copied..<i] is still to be copied to `out`, in one piece when an id (or the end) is reached.
            var i = 0, copied = 0
            while i < n {
                let c = s[i]
                i += 1
                guard c == quote || c == hash else { continue }
                for (k, prefix) in prefixes.enumerated() where i + prefix.count < n && s[i] == prefix[0] {
                    guard UnsafeBufferPointer(rebasing: s[i..<(i + prefix.count)]).elementsEqual(prefix) else { continue }
                    var j = i + prefix.count
                    var value = 0, digits = 0
                    while j < n, s[j] >= 48, s[j] <= 57, digits < 12 {
                        value = value * 10 + Int(s[j] - 48); j += 1; digits += 1
                    }
                    guard digits > 0, j < n, s[j] == quote || s[j] == paren else { continue }
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
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<n]))
            return out
        }
    }
}
