/// Renumbers the SVG ids cairo takes from its process-wide surface counter (`surface12`, `image13`).
///
/// Cairo names the root group and embedded images after each surface's global unique id, so two renders in one
/// process differ. Ids are renumbered 1, 2, … per prefix in order of first appearance, in definitions (`"image13"`)
/// and references (`#image13`), which makes the bytes depend on the scene alone.
enum SVGIds {
    private static let prefixes: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]
    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), paren = UInt8(ascii: ")")

    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var maps: [[Int: Int]] = Array(repeating: [:], count: prefixes.count)
        let n = svg.count
        var i = 0
        while i < n {
            let c = svg[i]
            out.append(c)
            i += 1
            guard c == quote || c == hash else { continue }
            for (k, prefix) in prefixes.enumerated() where i + prefix.count < n && svg[i] == prefix[0] {
                guard svg[i..<(i + prefix.count)].elementsEqual(prefix) else { continue }
                var j = i + prefix.count
                var value = 0, digits = 0
                while j < n, svg[j] >= 48, svg[j] <= 57, digits < 12 {
                    value = value * 10 + Int(svg[j] - 48); j += 1; digits += 1
                }
                guard digits > 0, j < n, svg[j] == quote || svg[j] == paren else { continue }
                let number: Int
                if let known = maps[k][value] { number = known } else { number = maps[k].count + 1; maps[k][value] = number }
                out.append(contentsOf: prefix)
                out.append(contentsOf: Array(String(number).utf8))
                i = j
                break
            }
        }
        return out
    }
}
