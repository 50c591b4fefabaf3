import NNVizSystem
/// A float array read from NumPy's `.npy` format (versions 1–3, little- or big-endian float64/float32, C order).
///
/// The header is parsed by hand; a header claiming more data than the bytes hold is refused before allocating.
public struct NpyArray: Sendable, Equatable {
    /// The array's shape, e.g. `[3, 4]`; empty for a 0-d array.
    public let shape: [Int]
    /// The values in C order, widened to Double.
    public let values: [Double]

    /// Parses `.npy` bytes; `source` and `location` name them in errors (a file, or an npz archive and member).
    public static func parse(_ bytes: [UInt8], source: String, location: String = "",
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
        guard !dict.fortranOrder else {
            throw fail("is stored in Fortran order; save it with np.ascontiguousarray first")
        }
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
        var values = [Double](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress! + dataStart
            for i in 0..<count {
                let p = base + i * dict.itemSize
                if dict.itemSize == 8 {
                    var bits: UInt64 = 0
                    withUnsafeMutableBytes(of: &bits) { $0.copyMemory(from: UnsafeRawBufferPointer(start: p, count: 8)) }
                    values[i] = Double(bitPattern: dict.bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits))
                } else {
                    var bits: UInt32 = 0
                    withUnsafeMutableBytes(of: &bits) { $0.copyMemory(from: UnsafeRawBufferPointer(start: p, count: 4)) }
                    values[i] = Double(Float(bitPattern: dict.bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)))
                }
            }
        }
        return NpyArray(shape: dict.shape, values: values)
    }

    public init(shape: [Int], values: [Double]) {
        self.shape = shape
        self.values = values
    }

    /// The shape as NumPy prints it, e.g. `(3, 4)` or `(5,)`.
    public var shapeText: String { NpyHeader.text(shape) }
}
