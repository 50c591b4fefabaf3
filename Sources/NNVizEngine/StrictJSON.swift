/// A strict RFC 8259 reader that builds exactly the tree the YAML parser gives for plain JSON, many times faster;
/// on anything unusual it returns nil and the caller asks the YAML parser instead.
///
/// Gives up on: any syntax error, a duplicate key, nesting deeper than `maxDepth`, a root that is not an array or
/// object, a tab outside the root, text YAML reads differently (C1 controls, DEL, U+2028/9, U+FEFF, U+FFFE/F in
/// strings), lone surrogate and U+FEFF escapes, and a key whose `:` is on another line or more than 1000 bytes after it (YAML's
/// simple-key rules). So every error message still comes from the YAML path.
struct StrictJSON {
    /// Deeper documents go to the YAML parser, which refuses nesting beyond `SpecDocument.maxNesting`; this cap
    /// also bounds the reader's recursion.
    static let maxDepth = SpecDocument.maxNesting / 2

    /// The root of `text`, or nil when it is not plain JSON this reader handles exactly like Yams. With `numbers`,
    /// a list of plain finite numbers comes back as one `.numbers` value (read straight from the bytes into
    /// doubles) instead of a `.sequence` of scalars.
    static func parse(_ text: String, numbers: Bool = false) -> SpecValue? {
        var text = text
        guard text.utf8.count < UInt32.max else { return nil }
        let document = text
        return text.withUTF8 { bytes in
            var reader = StrictJSON(bytes, document: numbers ? document : nil)
            return reader.document()
        }
    }

    private let b: UnsafeBufferPointer<UInt8>
    /// The text behind `b` when number lists are read as `.numbers`.
    private let text: String?
    private var i = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, document: String?) {
        b = bytes
        text = document
    }

    private mutating func document() -> SpecValue? {
        // libyaml refuses a tab before the root or on a line after it (block context), so leave those to it.
        guard skipSpace(tabs: false), i < b.count, b[i] == UInt8(ascii: "[") || b[i] == UInt8(ascii: "{") else { return nil }
        guard let root = value(), skipSpace(tabs: false), i == b.count else { return nil }
        return root
    }

    /// Skips JSON whitespace; false when it meets a tab and `tabs` is false.
    private mutating func skipSpace(tabs: Bool = true) -> Bool {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x0A, 0x0D: i += 1
            case 0x09 where tabs: i += 1
            case 0x09: return false
            default: return true
            }
        }
        return true
    }

    private mutating func value() -> SpecValue? {
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "["): return sequence()
        case UInt8(ascii: "{"): return mapping()
        case UInt8(ascii: "\""): return string().map { .scalar($0, plain: false) }
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return word("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return nil
        }
    }

    private mutating func word(_ w: StaticString) -> SpecValue? {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count, matches(w.utf8Start, n) else { return nil }
        i += n
        return .scalar(w.description, plain: true)
    }

    private func matches(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    private func isDigit(_ k: Int) -> Bool {
        k < b.count && b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9")
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text (a plain scalar) like YAML does.
    private mutating func number() -> SpecValue? {
        let start = i
        guard skipNumber() else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        return .scalar(text, plain: true)
    }

    /// Moves past a JSON number at `i`; false when the text there is not one.
    private mutating func skipNumber() -> Bool {
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return false }
        if b[i] == UInt8(ascii: "0") { i += 1 } else { while isDigit(i) { i += 1 } }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return true
    }

    /// The rest of a list that starts with a number at `i` as `.numbers`, when it holds only finite numbers; nil
    /// (with `i` unchanged) otherwise, and the caller reads it item by item.
    private mutating func numberList(_ document: String) -> SpecValue? {
        let first = i
        var values: [Double] = [], spans: [UInt32] = []
        guard let base = b.baseAddress else { return nil }
        while true {
            let start = i
            guard let (v, end) = DecimalText.jsonNumber(base, from: i, to: b.count) else { break }
            i = end
            values.append(v)
            spans.append(UInt32(start)); spans.append(UInt32(end))
            guard let close = next(UInt8(ascii: "]")) else { break }
            if close { return .numbers(NumberList(values: values, document: document, spans: spans)) }
            guard i < b.count else { break }
        }
        i = first
        return nil
    }

    /// Opens a list or object at `i`: false when too deep. Deeper documents are the YAML parser's to refuse.
    private mutating func open() -> Bool {
        depth += 1
        i += 1
        return depth <= Self.maxDepth && skipSpace() && i < b.count
    }

    /// After an item: true when `close` ends the collection, false after a comma, nil on anything else.
    private mutating func next(_ close: UInt8) -> Bool? {
        guard skipSpace(), i < b.count else { return nil }
        let c = b[i]
        i += 1
        if c == close { depth -= 1; return true }
        return c == UInt8(ascii: ",") && skipSpace() ? false : nil
    }

    private mutating func sequence() -> SpecValue? {
        guard open() else { return nil }
        var nodes: [SpecValue] = []
        var done = b[i] == UInt8(ascii: "]")
        if done { i += 1; depth -= 1 }
        if !done, let text, b[i] == UInt8(ascii: "-") || isDigit(i), let list = numberList(text) { return list }
        while !done {
            guard let v = value() else { return nil }
            nodes.append(v)
            guard let end = next(UInt8(ascii: "]")) else { return nil }
            done = end
        }
        return .sequence(nodes)
    }

    private mutating func mapping() -> SpecValue? {
        guard open() else { return nil }
        var pairs: [(key: SpecValue, value: SpecValue)] = []
        var keys = Set<String>()
        var done = b[i] == UInt8(ascii: "}")
        if done { i += 1; depth -= 1 }
        while !done {
            let keyStart = i
            guard i < b.count, b[i] == UInt8(ascii: "\""), let key = string(), keys.insert(key).inserted else { return nil }
            // YAML takes a key only when its `:` is on the same line and at most 1024 characters on.
            while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: ":"), i - keyStart <= 1000 else { return nil }
            i += 1
            guard skipSpace(), let v = value() else { return nil }
            pairs.append((key: .scalar(key, plain: false), value: v))
            guard let end = next(UInt8(ascii: "}")) else { return nil }
            done = end
        }
        return .mapping(pairs)
    }

    /// A string's value; nil on a JSON error or anything YAML would read differently.
    private mutating func string() -> String? {
        i += 1
        let start = i
        while i < b.count, b[i] >= 0x20, b[i] < 0x7F, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\") { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        }
        var out = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard escape(into: &out) else { return nil }
            case 0x20..<0x7F:
                out.append(c); i += 1
            case 0xC2...0xF4:
                guard let n = printableSequence() else { return nil }
                out.append(contentsOf: b[i..<i + n]); i += n
            default:
                return nil     // controls, DEL, or bytes that cannot start a character
            }
        }
        return nil
    }

    /// The byte length of the UTF-8 character at `i` when YAML reads it as a plain printable character.
    private func printableSequence() -> Int? {
        let c = b[i]
        let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        guard i + n <= b.count else { return nil }
        let c1 = b[i + 1]
        if c == 0xC2 && c1 < 0xA0 { return nil }                                        // C1 controls, NEL
        if c == 0xE2 && c1 == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { return nil }  // U+2028, U+2029
        if c == 0xEF && c1 == 0xBB && b[i + 2] == 0xBF { return nil }                    // U+FEFF
        if c == 0xEF && c1 == 0xBF && b[i + 2] >= 0xBE { return nil }                    // U+FFFE, U+FFFF
        return n
    }

    /// Appends the escape at `i` (a backslash) decoded, as JSON and YAML both read it.
    private mutating func escape(into out: inout [UInt8]) -> Bool {
        guard i + 1 < b.count else { return false }
        let e = b[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            guard i + 4 <= b.count else { return false }
            var v: UInt32 = 0
            for k in i..<i + 4 {
                guard let h = hexValue(b[k]) else { return false }
                v = v << 4 | h
            }
            i += 4
            // A surrogate pair (`\ud83d\ude00`, as json.dump writes 😀) is one character; a lone surrogate goes to
            // the YAML path, which refuses it with its place. Yams drops a U+FEFF that starts a string.
            if (0xD800...0xDBFF).contains(v), i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                var w: UInt32 = 0
                for k in i + 2..<i + 6 {
                    guard let h = hexValue(b[k]) else { return false }
                    w = w << 4 | h
                }
                guard (0xDC00...0xDFFF).contains(w) else { return false }
                i += 6
                v = 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00)
            }
            guard v != 0xFEFF, let scalar = Unicode.Scalar(v) else { return false }
            out.append(contentsOf: scalar.utf8)
        default:
            return false
        }
        return true
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
