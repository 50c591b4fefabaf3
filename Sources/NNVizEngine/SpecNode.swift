/// A node of a parsed JSON or YAML document together with its JSON path, so every error names its place.
struct SpecNode {
    let node: SpecValue
    /// JSON path from the root, e.g. `layers[1].weights`; empty for the root.
    let path: String
    /// The file or example the document came from.
    let source: String

    func error(_ message: String) -> NNVizError {
        NNVizError(source, path, message)
    }

    func child(key: String, _ value: SpecValue) -> SpecNode {
        SpecNode(node: value, path: path.isEmpty ? key : "\(path).\(key)", source: source)
    }

    func child(index: Int, _ value: SpecValue) -> SpecNode {
        SpecNode(node: value, path: "\(path)[\(index)]", source: source)
    }

    /// What kind of value this is, for "expected …, found …" messages.
    var kind: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence, .numbers: return "a list"
        case .alias: return "an alias"
        case .scalar(let s, let plain):
            if plain {
                if ["", "~", "null", "Null", "NULL"].contains(s) { return "null" }
                return "'\(Self.clip(s))'"
            }
            return "the string \"\(Self.clip(s))\""
        }
    }

    static func clip(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : s
    }

    /// The entries of a mapping whose keys must come from `allowed`; unknown keys get a "did you mean" hint.
    func mapping(allowed: [String]) throws(NNVizError) -> [String: SpecNode] {
        guard case .mapping(let m) = node else { throw error("expected a mapping, found \(kind)") }
        var out: [String: SpecNode] = [:]
        for (k, v) in m {
            guard case .scalar(let key, _) = k else { throw error("keys must be plain names") }
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                throw child(key: key, v).error("unknown key; \(hint)valid keys: \(allowed.joined(separator: ", "))")
            }
            out[key] = child(key: key, v)
        }
        return out
    }

    /// The items of a list.
    func list() throws(NNVizError) -> [SpecNode] {
        guard let s = node.items else { throw error("expected a list, found \(kind)") }
        return s.enumerated().map { child(index: $0.offset, $0.element) }
    }

    /// A finite number written plainly (JSON numbers, YAML floats and ints).
    func number() throws(NNVizError) -> Double {
        guard case .scalar(let text, true) = node else { throw error("expected a number, found \(kind)") }
        if let v = DecimalText.fastValue(text) { return v }
        let value: Double?
        switch text {
        case ".nan", ".NaN", ".NAN": value = .nan
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": value = .infinity
        case "-.inf", "-.Inf", "-.INF": value = -.infinity
        default: value = Self.isDecimal(text) ? Double(text) : nil
        }
        guard let value else { throw error("expected a number, found \(kind)") }
        guard value.isFinite else { throw error("is not a finite number (\(text))") }
        return value
    }

    /// Decimal notation only (`-1.5e3`, `NaN`/`Infinity` as JSON writers emit); rejects hex floats and the like.
    static func isDecimal<S: StringProtocol>(_ text: S) -> Bool {
        var sawDigit = false
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return ["nan", "NaN", "inf", "Infinity", "-Infinity", "+Infinity", "-inf"].contains(String(text))
            }
        }
        return sawDigit
    }

    /// A whole number in `range`.
    func integer(in range: ClosedRange<Int>) throws(NNVizError) -> Int {
        guard case .scalar(let s, true) = node, let v = Int(s) else {
            throw error("expected a whole number, found \(kind)")
        }
        guard range.contains(v) else { throw error("\(v) is out of range \(range.lowerBound)…\(range.upperBound)") }
        return v
    }

    /// A label or name; plain numbers are taken as their text.
    func string() throws(NNVizError) -> String {
        guard case .scalar(let s, _) = node else { throw error("expected a string, found \(kind)") }
        return s
    }

    /// A list of labels.
    func strings() throws(NNVizError) -> [String] {
        var out: [String] = []
        for item in try list() { out.append(try item.string()) }
        return out
    }

    /// A list of finite numbers.
    func vector() throws(NNVizError) -> [Double] {
        if case .numbers(let l) = node { return l.values }
        guard case .sequence(let s) = node else { throw error("expected a list of numbers, found \(kind)") }
        var out = [Double](repeating: 0, count: s.count)
        for (i, item) in s.enumerated() { out[i] = try child(index: i, item).number() }
        return out
    }

    /// A non-empty rectangular list of lists of finite numbers, refusing more than `limit` values before reading them.
    /// Rows the JSON reader has already read (`.numbers`) are copied; paths are built only for an error.
    func matrix(limit: Int) throws(NNVizError) -> Matrix {
        guard let rows = node.items else { throw error("expected a list of rows, found \(kind)") }
        guard !rows.isEmpty else { throw error("is empty; expected one row per input") }
        var cols = -1
        for (r, row) in rows.enumerated() {
            let count: Int
            switch row {
            case .numbers(let l): count = l.count
            case .sequence(let values): count = values.count
            default:
                throw child(index: r, row).error("expected a row (a list of numbers), found \(child(index: r, row).kind)")
            }
            if cols < 0 {
                cols = count
                guard cols > 0 else { throw child(index: r, row).error("is empty; expected one value per neuron") }
                let (total, overflow) = rows.count.multipliedReportingOverflow(by: cols)
                guard !overflow, total <= limit else {
                    throw error("holds \(rows.count)×\(cols) values, more than the limit of \(limit)")
                }
            } else if count != cols {
                throw child(index: r, row).error("has \(count) values but row 0 has \(cols) (ragged matrix)")
            }
        }
        var data = [Double](repeating: 0, count: rows.count * cols)
        for (r, row) in rows.enumerated() {
            switch row {
            case .numbers(let l):
                data.withUnsafeMutableBufferPointer { out in
                    l.values.withUnsafeBufferPointer { v in
                        guard let dst = out.baseAddress, let src = v.baseAddress else { return }
                        (dst + r * cols).update(from: src, count: cols)
                    }
                }
            case .sequence(let values):
                for (c, v) in values.enumerated() {
                    // Plain decimals straight away; anything else through `number()` for its exact message.
                    if case .scalar(let s, true) = v, let d = DecimalText.fastValue(s) {
                        data[r * cols + c] = d
                    } else {
                        data[r * cols + c] = try child(index: r, row).child(index: c, v).number()
                    }
                }
            default:
                continue
            }
        }
        return Matrix(rows: rows.count, cols: cols, uncheckedData: data)
    }
}
