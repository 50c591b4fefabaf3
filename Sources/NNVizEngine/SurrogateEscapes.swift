/// Finds `\uD800`–`\uDFFF` escapes in text, as JSON writers emit for characters outside the Basic Multilingual Plane
/// (`json.dump` writes 😀 as `"\ud83d\ude00"`), and rewrites a pair into the single `\U0001f600` escape that YAML
/// (and libyaml, which refuses any surrogate escape) reads.
///
/// The finder does not know whether an escape sits inside a double-quoted string; `YAMLAliasCheck.prepare` asks the
/// parser's events and keeps only the rewrites that do.
enum SurrogateEscapes {
    struct Candidate {
        /// Character (Unicode scalar) offset of the backslash in the text.
        let index: Int
        /// Byte offset of the backslash.
        let byte: Int
        /// 1-based line and column (in characters) of the backslash; lines end at LF, CR, CRLF, NEL, U+2028, U+2029.
        let line: Int
        let column: Int
        /// The four hex digits of the (first) escape as written, and of the low surrogate that completes a pair.
        let high: String
        let low: String?
        /// The character the pair stands for.
        let scalar: UInt32
    }

    /// Every surrogate escape, a pair counted once; empty (after one quick pass) when the text has none.
    static func find(in text: String) -> [Candidate] {
        var text = text
        return text.withUTF8 { b in
            var out: [Candidate] = []
            let backslash = UInt8(ascii: "\\"), u = UInt8(ascii: "u")
            var i = 0, index = 0, line = 1, lineStart = 0   // lineStart: character offset of the line's start
            func hex(_ at: Int) -> UInt32? {
                guard at + 4 <= b.count else { return nil }
                var v: UInt32 = 0
                for k in at..<at + 4 {
                    let c = b[k]
                    let d: UInt32
                    switch c {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                    default: return nil
                    }
                    v = v << 4 | d
                }
                return v
            }
            func digits(_ at: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[at..<at + 4]), as: UTF8.self) }
            while i < b.count {
                let c = b[i]
                if c == backslash {
                    guard i + 1 < b.count else { break }
                    if b[i + 1] == u, let v = hex(i + 2), (0xD800...0xDFFF).contains(v) {
                        var low: UInt32?
                        if v < 0xDC00, i + 7 < b.count, b[i + 6] == backslash, b[i + 7] == u,
                           let w = hex(i + 8), (0xDC00...0xDFFF).contains(w) {
                            low = w
                        }
                        let scalar = low.map { 0x10000 + ((v - 0xD800) << 10) + ($0 - 0xDC00) } ?? v
                        out.append(Candidate(index: index, byte: i, line: line, column: index - lineStart + 1, high: digits(i + 2),
                                             low: low == nil ? nil : digits(i + 8), scalar: scalar))
                        let n = low == nil ? 6 : 12
                        i += n; index += n
                        continue
                    }
                    // `\\` is one escaped backslash: the next one cannot start an escape. Anything else is one step.
                    let n = b[i + 1] == backslash ? 2 : 1
                    i += n; index += n
                    continue
                }
                // Line breaks as YAML 1.1 (and libyaml) count them.
                if c == 0x0A || c == 0x0D {
                    let n = c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
                    i += n; index += n; line += 1; lineStart = index
                    continue
                }
                if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 {
                    i += 2; index += 1; line += 1; lineStart = index
                    continue
                }
                if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                    i += 3; index += 1; line += 1; lineStart = index
                    continue
                }
                i += 1
                if c & 0xC0 != 0x80 { index += 1 }
            }
            return out
        }
    }

    /// `text` with the candidates for which `keep` (given the candidate's position in the list) is true rewritten:
    /// a pair into `\U` and eight hex digits, a lone surrogate into `\ufffd` (the same length, so it still parses;
    /// one inside a string is refused before anything is built from it).
    static func rewrite(_ text: String, _ candidates: [Candidate], keep: (Int) -> Bool) -> String {
        var text = text
        return text.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var from = 0
            for (k, c) in candidates.enumerated() where keep(k) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<c.byte]))
                if c.low != nil {
                    let hex = String(c.scalar, radix: 16)
                    out.append(contentsOf: ("\\U" + String(repeating: "0", count: 8 - hex.count) + hex).utf8)
                    from = c.byte + 12
                } else {
                    out.append(contentsOf: "\\ufffd".utf8)
                    from = c.byte + 6
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<b.count]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
