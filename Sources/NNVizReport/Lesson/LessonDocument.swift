import NNVizSystem

/// A Markdown lesson split into the author's text, kept as bytes, and its ```` ```nnviz ```` blocks.
///
/// Fences follow CommonMark: a line of at least three backticks or tildes, indented at most three spaces; the block
/// ends at a line of the same character, at least as long, and nothing else. An `nnviz` block's first line is its
/// command, the lines after it a YAML spec. Fences of other languages are skipped whole, so an `nnviz` block shown
/// inside a ```` ```markdown ```` example stays text.
public struct LessonDocument: Sendable {
    /// One `nnviz` block.
    public struct Block: Sendable, Equatable {
        /// 1-based line of the command (the line after the opening fence).
        public let line: Int
        public let command: String
        /// The lines after the command, or nil when there are none (or they are blank).
        public let spec: String?
        /// Byte range of the whole block, opening fence to closing fence with its line ending.
        let range: Range<Int>
        /// The fence's indentation, kept for the image link.
        let indent: [UInt8]
    }

    public let bytes: [UInt8]
    public let blocks: [Block]
    /// `\r\n` when the file's first line ends so, else `\n`.
    let lineEnding: [UInt8]

    /// Why a lesson cannot be read: the 1-based line and what is wrong.
    public struct Failure: Error, Equatable, Sendable {
        public let line: Int
        public let message: String
    }

    public init(bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        var lines: [(start: Int, end: Int, next: Int)] = []   // content [start, end), next line's start
        var s = 0
        while s < bytes.count {
            var e = s
            while e < bytes.count && bytes[e] != 10 { e += 1 }
            let next = e < bytes.count ? e + 1 : e
            lines.append((s, e > s && bytes[e - 1] == 13 ? e - 1 : e, next))
            s = next
        }
        lineEnding = lines.first.map { $0.end < $0.next - 1 ? [13, 10] : [10] } ?? [10]
        var blocks: [Block] = []
        var i = 0
        while i < lines.count {
            let l = lines[i]
            guard let fence = Self.fence(bytes[l.start..<l.end]) else { i += 1; continue }
            let info = fence.info
            var j = i + 1
            var closed = false
            while j < lines.count {
                if let f = Self.fence(bytes[lines[j].start..<lines[j].end]), f.char == fence.char, f.length >= fence.length, f.info.isEmpty {
                    closed = true
                    break
                }
                j += 1
            }
            let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            if word == "nnviz" {
                guard closed else { throw Failure(line: i + 1, message: "the nnviz block opened here is never closed") }
                guard j > i + 1 else { throw Failure(line: i + 1, message: "the nnviz block is empty; write a command such as diagram xor") }
                func text(_ k: Int) throws(Failure) -> String {
                    var raw = Array(bytes[lines[k].start..<lines[k].end])
                    var n = 0
                    while n < fence.indent && n < raw.count && raw[n] == 32 { n += 1 }
                    raw.removeFirst(n)
                    guard let t = StrictUTF8.decode(raw) else { throw Failure(line: k + 1, message: "is not UTF-8 text") }
                    return t
                }
                let command = try text(i + 1)
                var spec: [String] = []
                for k in (i + 2)..<j { spec.append(try text(k)) }
                let specText = spec.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } ? nil : spec.joined(separator: "\n") + "\n"
                blocks.append(Block(line: i + 2, command: command, spec: specText, range: l.start..<lines[j].next,
                                    indent: Array(repeating: 32, count: fence.indent)))
            }
            i = closed ? j + 1 : lines.count
        }
        self.blocks = blocks
    }

    /// The fence a line opens or closes: its character, length, indentation and info string.
    static func fence(_ line: ArraySlice<UInt8>) -> (char: UInt8, length: Int, indent: Int, info: String)? {
        var p = line.startIndex
        var indent = 0
        while p < line.endIndex && line[p] == 32 && indent < 4 { p += 1; indent += 1 }
        guard indent <= 3, p < line.endIndex, line[p] == 96 || line[p] == 126 else { return nil }
        let c = line[p]
        var n = 0
        while p < line.endIndex && line[p] == c { p += 1; n += 1 }
        guard n >= 3 else { return nil }
        let rest = StrictUTF8.decode(line[p...]) ?? ""
        if c == 96 && rest.contains("`") { return nil }
        return (c, n, indent, rest.trimmingCharacters(in: " \t"))
    }

    /// The document with block `k` replaced by `replacements[k]` lines (each written with the file's line ending
    /// and the fence's indentation); every other byte as it was.
    public func assemble(_ replacements: [[String]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for (k, block) in blocks.enumerated() {
            out += bytes[at..<block.range.lowerBound]
            let endsFile = block.range.upperBound == bytes.count && bytes.last != 10
            // Text right after the fence would join the caption's paragraph: a blank line keeps them apart.
            let u = block.range.upperBound
            let joins = u < bytes.count && bytes[u] != 10 && bytes[u] != 13
            for (n, line) in (replacements[k] + (joins ? [""] : [])).enumerated() {
                out += block.indent + Array(line.utf8)
                if n < replacements[k].count - 1 + (joins ? 1 : 0) || !endsFile { out += lineEnding }
            }
            at = block.range.upperBound
        }
        out += bytes[at...]
        return out
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
