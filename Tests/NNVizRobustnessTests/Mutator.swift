import NNVizTestSupport

/// Seeded mutations of valid inputs for the fuzz test: byte flips, truncations, numbers swapped for hostile
/// values, list elements dropped or repeated (shapes permuted), lines (keys) dropped or duplicated, stray syntax.
///
/// The generator is SplitMix64 with a fixed seed, so every run tries the same variants.
struct Mutator {
    private var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { rng.next() }

    /// A value in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Replacements for a number: huge, tiny, non-finite, negative, zero and non-numeric.
    static let hostileNumbers = [
        "1e308", "1.7976931348623157e308", "1e999", "-1e999", "1e-320", "5e-324", "NaN", "nan", ".nan", "-.inf",
        "Infinity", "-Infinity", "inf", "-0", "0", "-1", "-5", "1.5", "2147483648", "4294967296",
        "99999999999999999999", "100000000", "abc", "\"1\"", "null", "true", "[]", "{}", "0x10", "1,5", "",
        "1e4", "-1e4", "100000",
    ]

    /// Syntax and bytes dropped into random places.
    static let strayText = ["[", "]", "{", "}", ",", ":", "\"", "'", "*a", "&a ", "!!str ", "\n", "\t", "\u{FEFF}",
                            "\0", "#", "- ", "? ", "|", ">", "\r", "\u{2028}", "é", "\\"]

    /// One to three mutations of `text`.
    mutating func mutate(text: String) -> String {
        var bytes = Array(text.utf8)
        for _ in 0...below(3) { bytes = mutateOnce(bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One to three mutations of binary data (byte flips, truncations, overwritten runs, header numbers).
    mutating func mutate(binary: [UInt8]) -> [UInt8] {
        var b = binary
        for _ in 0...below(3) {
            guard !b.isEmpty else { break }
            switch below(6) {
            case 0: b[below(b.count)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: b[below(b.count)] = UInt8(truncatingIfNeeded: next())
            case 2: b.removeLast(below(b.count))
            case 3:
                let start = below(b.count), n = min(1 + below(16), b.count - start)
                for i in start..<(start + n) { b[i] = pick([0x00, 0xFF, UInt8(truncatingIfNeeded: next())]) }
            case 4:
                // An npy header's numbers (shape, version) replaced in place where the text allows.
                b = replaceNumber(in: b)
            default:
                let i = below(b.count)
                b.insert(contentsOf: Array(pick(Self.strayText).utf8), at: i)
            }
        }
        return b
    }

    private mutating func mutateOnce(_ b: [UInt8]) -> [UInt8] {
        guard !b.isEmpty else { return Array(pick(Self.strayText).utf8) }
        var b = b
        switch below(9) {
        case 0: b[below(b.count)] = UInt8(truncatingIfNeeded: next())
        case 1: b.removeLast(1 + below(b.count))
        case 2, 3: b = replaceNumber(in: b)
        case 4: b = permuteList(b)
        case 5: b = editLine(b, duplicate: false)
        case 6: b = editLine(b, duplicate: true)
        case 7: b.insert(contentsOf: Array(pick(Self.strayText).utf8), at: below(b.count + 1))
        default:
            // Every number at once, so whole matrices turn huge, NaN or negative.
            let replacement = pick(Self.hostileNumbers)
            b = numberRanges(b).reversed().reduce(b) { acc, r in
                var a = acc
                a.replaceSubrange(r, with: Array(replacement.utf8))
                return a
            }
        }
        return b
    }

    /// Ranges of plain numbers such as `-1.5e3` (not inside words).
    func numberRanges(_ b: [UInt8]) -> [Range<Int>] {
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func isWord(_ c: UInt8) -> Bool { isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        var out: [Range<Int>] = []
        var i = 0
        while i < b.count {
            let startsNumber = isDigit(b[i]) || (b[i] == UInt8(ascii: "-") && i + 1 < b.count && isDigit(b[i + 1]))
            if startsNumber && (i == 0 || !isWord(b[i - 1])) {
                var j = i + 1
                while j < b.count && (isDigit(b[j]) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                                                        UInt8(ascii: "-"), UInt8(ascii: "+")].contains(b[j])) { j += 1 }
                if j == b.count || !isWord(b[j]) { out.append(i..<j) }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    private mutating func replaceNumber(in b: [UInt8]) -> [UInt8] {
        let ranges = numberRanges(b)
        guard !ranges.isEmpty else { return b }
        var out = b
        out.replaceSubrange(pick(ranges), with: Array(pick(Self.hostileNumbers).utf8))
        return out
    }

    /// Drops, repeats or swaps an element of a bracketed list, so shapes no longer fit (or fit differently).
    private mutating func permuteList(_ b: [UInt8]) -> [UInt8] {
        let opens = b.indices.filter { b[$0] == UInt8(ascii: "[") }
        guard !opens.isEmpty else { return b }
        let start = pick(opens)
        var depth = 0, end = -1
        var commas: [Int] = []
        for i in start..<b.count {
            if b[i] == UInt8(ascii: "[") { depth += 1 }
            if b[i] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { end = i; break } }
            if b[i] == UInt8(ascii: ","), depth == 1 { commas.append(i) }
        }
        guard end > start else { return b }
        let bounds = [start] + commas + [end]
        let items = (0..<(bounds.count - 1)).map { Array(b[(bounds[$0] + 1)..<bounds[$0 + 1]]) }
        var list = items
        switch below(3) {
        case 0 where list.count > 1: list.remove(at: below(list.count))
        case 1: list.insert(list[below(list.count)], at: below(list.count + 1))
        default: if list.count > 1 { list.swapAt(below(list.count), below(list.count)) } else { list.append(list[0]) }
        }
        let joined = list.enumerated().flatMap { $0.offset == 0 ? $0.element : [UInt8(ascii: ",")] + $0.element }
        var out = b
        out.replaceSubrange((start + 1)..<end, with: joined)
        return out
    }

    /// Removes a line (a key and its value, in YAML and one-key-per-line JSON) or repeats it (a duplicate key).
    private mutating func editLine(_ b: [UInt8], duplicate: Bool) -> [UInt8] {
        var lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        guard lines.count > 1 else { return b }
        let i = below(lines.count)
        if duplicate { lines.insert(lines[i], at: i) } else { lines.remove(at: i) }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}
