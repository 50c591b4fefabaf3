/// The parsed header dictionary of a `.npy` file: `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
struct NpyHeader {
    var itemSize = 8
    var bigEndian = false
    var fortranOrder = false
    var shape: [Int] = []

    var shapeText: String { Self.text(shape) }

    static func text(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    init(_ header: String, fail: (String) -> NNVizError) throws(NNVizError) {
        func value(of key: String) -> Substring? {
            guard let r = header.range(of: "'\(key)'") else { return nil }
            var rest = header[r.upperBound...].drop { $0 == " " }
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " }
            return rest
        }
        guard let descr = value(of: "descr"), let q = descr.first, q == "'" || q == "\"" else {
            throw fail("npy header has no 'descr'")
        }
        let d = descr.dropFirst().prefix { $0 != q }
        switch d {
        case "<f8", "=f8", "f8", "float64": itemSize = 8
        case ">f8": itemSize = 8; bigEndian = true
        case "<f4", "=f4", "f4", "float32": itemSize = 4
        case ">f4": itemSize = 4; bigEndian = true
        default: throw fail("has dtype '\(SpecNode.clip(String(d)))'; only float64 and float32 are supported")
        }
        guard let fo = value(of: "fortran_order") else { throw fail("npy header has no 'fortran_order'") }
        if fo.hasPrefix("True") { fortranOrder = true } else if !fo.hasPrefix("False") {
            throw fail("npy header has an unreadable 'fortran_order'")
        }
        guard let sh = value(of: "shape"), sh.first == "(", let close = sh.firstIndex(of: ")") else {
            throw fail("npy header has no 'shape'")
        }
        for part in sh[sh.index(after: sh.startIndex)..<close].split(separator: ",") {
            let t = String(part.filter { $0 != " " })
            if t.isEmpty { continue }
            guard let n = Int(t), n >= 0 else { throw fail("npy header has an unreadable shape \(sh[...close])") }
            shape.append(n)
        }
    }
}
