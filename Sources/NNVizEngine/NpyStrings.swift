/// Reads a 1-D `.npy` array of unicode strings (`<U<n>`: n UTF-32 code units each, zero-padded), as
/// `np.array(["relu", "sigmoid"])` saves it; used for an `.npz` network's optional `activations` member.
enum NpyStrings {
    /// The strings, trailing zero code units removed. At most `maxCount` strings of at most 64 characters each.
    static func parse(_ bytes: [UInt8], source: String, location: String, maxCount: Int) throws(NNVizError) -> [String] {
        func fail(_ message: String) -> NNVizError { NNVizError(source, location, message) }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic, bytes[6] == 1 else {
            throw fail("not a version 1 .npy file")
        }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        guard headerLength <= bytes.count - 10,
              let header = String(validating: bytes[10..<(10 + headerLength)], as: UTF8.self) else {
            throw fail("truncated or unreadable .npy header")
        }
        let compact = header.filter { $0 != " " }
        guard let d = compact.range(of: "'descr':'<U"), let end = compact[d.upperBound...].firstIndex(of: "'"),
              let width = Int(compact[d.upperBound..<end]), (1...64).contains(width) else {
            throw fail("has the wrong dtype; expected strings ('<U', one activation name per layer)")
        }
        guard compact.contains("'fortran_order':False"), let s = compact.range(of: "'shape':("),
              let close = compact[s.upperBound...].firstIndex(of: ")") else {
            throw fail("has the wrong shape; expected 1-D, one activation name per layer")
        }
        let dims = compact[s.upperBound..<close].split(separator: ",")
        guard dims.count == 1, let count = Int(dims[0]), (1...maxCount).contains(count) else {
            throw fail("has shape (\(compact[s.upperBound..<close])); expected 1-D with one name per layer")
        }
        let start = 10 + headerLength
        guard bytes.count - start >= count * width * 4 else { throw fail("is truncated: \(count) names of \(width) characters do not fit") }
        var out: [String] = []
        for i in 0..<count {
            var text = ""
            for j in 0..<width {
                let o = start + (i * width + j) * 4
                let v = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
                if v == 0 { break }
                guard let u = Unicode.Scalar(v) else { throw fail("name \(i + 1) holds an invalid code point") }
                text.unicodeScalars.append(u)
            }
            out.append(text)
        }
        return out
    }
}
