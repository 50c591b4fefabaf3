/// The parsed header dictionary of a `.npy` file: `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
struct NpyHeader {
    var dtype = TensorDType.float64
    var itemSize: Int { dtype.size }
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
        // NumPy's dtype strings: byte order (`<`, `>`, `=`, `|`), kind and size; integers and booleans are
        // widened to float64 as `astype(float64)` does.
        var code = Substring(d)
        if let first = code.first, "<>=|".contains(first) {
            bigEndian = first == ">"
            code = code.dropFirst()
        }
        switch code {
        case "f8", "float64": dtype = .float64
        case "f4", "float32": dtype = .float32
        case "f2", "float16": dtype = .float16
        case "i1", "int8": dtype = .int8
        case "i2", "int16": dtype = .int16
        case "i4", "int32": dtype = .int32
        case "i8", "int64": dtype = .int64
        case "u1", "uint8": dtype = .uint8
        case "u2", "uint16": dtype = .uint16
        case "u4", "uint32": dtype = .uint32
        case "u8", "uint64": dtype = .uint64
        case "b1", "bool": dtype = .bool
        default:
            throw fail("has dtype '\(SpecNode.clip(String(d)))'; only float, integer and boolean arrays are supported")
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
