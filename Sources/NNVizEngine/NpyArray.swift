import NNVizSystem
/// A numeric array read from NumPy's `.npy` format (versions 1–3; little- or big-endian float64/32/16, integers and
/// booleans widened to Double; C or Fortran order, read as NumPy reads them).
///
/// The header is parsed by hand; a header claiming more data than the bytes hold is refused before allocating.
struct NpyArray: Sendable, Equatable {
    /// The array's shape, e.g. `[3, 4]`; empty for a 0-d array.
    let shape: [Int]
    /// The values in C order, widened to Double.
    let values: [Double]

    /// Parses `.npy` bytes; `source` and `location` name them in errors (a file, or an npz archive and member).
    static func parse(_ bytes: [UInt8], source: String, location: String = "",
                             maxValues: Int = LoadLimits().maxBatchValues) throws(NNVizError) -> NpyArray {
        func fail(_ message: String) -> NNVizError { NNVizError(source, location, message) }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw fail("not a .npy file (bad magic bytes)") }
        let major = bytes[6]
        var headerLength = 0, headerStart = 10
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("truncated .npy header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw fail("unsupported .npy format version \(major)")
        }
        guard headerLength <= bytes.count - headerStart else { throw fail("truncated .npy header") }
        let headerBytes = bytes[headerStart..<(headerStart + headerLength)]
        guard let header = StrictUTF8.decode(headerBytes) else { throw fail("unreadable .npy header") }
        let dict = try NpyHeader(header, fail: fail)
        var count = 1
        for d in dict.shape {
            let (c, o) = count.multipliedReportingOverflow(by: d)
            guard !o else { throw fail("header shape \(dict.shapeText) is too large") }
            count = c
        }
        guard count <= maxValues else {
            throw fail("header shape \(dict.shapeText) holds \(count) values, more than the limit of \(maxValues)")
        }
        let dataStart = headerStart + headerLength
        let available = bytes.count - dataStart
        let needed = count * dict.itemSize
        guard needed <= available else {
            throw fail("header claims shape \(dict.shapeText) (\(needed) bytes of data) but only \(available) bytes follow")
        }
        var values = bytes.withUnsafeBytes { dict.dtype.values($0, offset: dataStart, count: count, bigEndian: dict.bigEndian) }
        if dict.fortranOrder && dict.shape.count > 1 {
            values = cOrder(fortran: values, shape: dict.shape)
        }
        return NpyArray(shape: dict.shape, values: values)
    }

    /// `values` laid out in Fortran order (first index fastest), rearranged into C order (last index fastest).
    static func cOrder(fortran values: [Double], shape: [Int]) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        var fStride = [Int](repeating: 1, count: shape.count)
        for d in shape.indices.dropFirst() { fStride[d] = fStride[d - 1] * shape[d - 1] }
        var index = [Int](repeating: 0, count: shape.count)
        for i in 0..<values.count {
            var f = 0
            for d in shape.indices { f += index[d] * fStride[d] }
            out[i] = values[f]
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return out
    }

    /// A 2-D array transposed.
    func transposed() -> NpyArray {
        let r = shape[0], c = shape[1]
        var out = [Double](repeating: 0, count: values.count)
        for i in 0..<r { for j in 0..<c { out[j * r + i] = values[i * c + j] } }
        return NpyArray(shape: [c, r], values: out)
    }

    init(shape: [Int], values: [Double]) {
        self.shape = shape
        self.values = values
    }

    /// The shape as NumPy prints it, e.g. `(3, 4)` or `(5,)`.
    var shapeText: String { NpyHeader.text(shape) }
}
