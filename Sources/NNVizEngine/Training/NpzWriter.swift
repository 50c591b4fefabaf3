/// Writes a network as NumPy's `np.savez` would: a zip of stored `.npy` members `W1, b1, W2, b2, …` (float64,
/// C order) and `activations`, a 1-D unicode array with one name per layer (`leaky_relu:0.2` with a slope), which
/// nnviz's `.npz` reader applies.
///
/// Every member is dated 1980-01-01 00:00 and written in a fixed order, so the same network gives the same bytes.
/// Names and labels are not kept (an `.npz` has no place for them); use `.json` or `.yaml` for those.
public enum NpzWriter {
    public static func bytes(_ network: Network) -> [UInt8] {
        var members: [(String, [UInt8])] = []
        for (k, layer) in network.layers.enumerated() {
            members.append(("W\(k + 1).npy", npy(doubles: layer.weights.data, shape: [layer.fanIn, layer.fanOut])))
            members.append(("b\(k + 1).npy", npy(doubles: layer.bias, shape: [layer.fanOut])))
        }
        members.append(("activations.npy", npy(strings: network.layers.map(\.activation.token))))
        return zip(members)
    }

    /// An `.npy` (version 1.0) of float64 values.
    static func npy(doubles: [Double], shape: [Int]) -> [UInt8] {
        var out = header(descr: "<f8", shape: shape)
        out.reserveCapacity(out.count + doubles.count * 8)
        for v in doubles { appendLE(&out, v.bitPattern, bytes: 8) }
        return out
    }

    /// An `.npy` of strings as NumPy stores `np.array([...])` of str: `<U{longest}`, UTF-32 code units, zero-padded.
    static func npy(strings: [String]) -> [UInt8] {
        let width = max(1, strings.map { $0.unicodeScalars.count }.max() ?? 1)
        var out = header(descr: "<U\(width)", shape: [strings.count])
        for s in strings {
            let scalars = Array(s.unicodeScalars)
            for i in 0..<width { appendLE(&out, UInt64(i < scalars.count ? scalars[i].value : 0), bytes: 4) }
        }
        return out
    }

    /// Magic, version 1.0 and the header dictionary padded with spaces to a multiple of 64 bytes, as NumPy writes it.
    static func header(descr: String, shape: [Int]) -> [UInt8] {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(dims), }"
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        appendLE(&out, UInt64(dict.utf8.count), bytes: 2)
        return out + Array(dict.utf8)
    }

    /// A zip archive of stored (uncompressed) members, with local headers, a central directory and its end record.
    static func zip(_ members: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        let dosTime: UInt64 = 0, dosDate: UInt64 = (0 << 9) | (1 << 5) | 1
        for (name, data) in members {
            let offset = out.count, crc = UInt64(ZipChecksum.checksum(data)), nameBytes = Array(name.utf8)
            func common(_ b: inout [UInt8]) {
                appendLE(&b, 20, bytes: 2)          // version needed to extract: 2.0
                appendLE(&b, 0, bytes: 2)           // flags
                appendLE(&b, 0, bytes: 2)           // stored
                appendLE(&b, dosTime, bytes: 2)
                appendLE(&b, dosDate, bytes: 2)
                appendLE(&b, crc, bytes: 4)
                appendLE(&b, UInt64(data.count), bytes: 4)
                appendLE(&b, UInt64(data.count), bytes: 4)
                appendLE(&b, UInt64(nameBytes.count), bytes: 2)
                appendLE(&b, 0, bytes: 2)           // extra field length
            }
            appendLE(&out, 0x0403_4b50, bytes: 4)
            common(&out)
            out += nameBytes + data
            appendLE(&directory, 0x0201_4b50, bytes: 4)
            appendLE(&directory, 20, bytes: 2)      // made by: 2.0, MS-DOS attributes
            common(&directory)
            appendLE(&directory, 0, bytes: 2)       // comment length
            appendLE(&directory, 0, bytes: 2)       // disk number
            appendLE(&directory, 0, bytes: 2)       // internal attributes
            appendLE(&directory, 0, bytes: 4)       // external attributes
            appendLE(&directory, UInt64(offset), bytes: 4)
            directory += nameBytes
        }
        let directoryOffset = out.count
        out += directory
        appendLE(&out, 0x0605_4b50, bytes: 4)
        appendLE(&out, 0, bytes: 4)                 // disk numbers
        appendLE(&out, UInt64(members.count), bytes: 2)
        appendLE(&out, UInt64(members.count), bytes: 2)
        appendLE(&out, UInt64(directory.count), bytes: 4)
        appendLE(&out, UInt64(directoryOffset), bytes: 4)
        appendLE(&out, 0, bytes: 2)                 // comment length
        return out
    }

    static func appendLE(_ out: inout [UInt8], _ value: UInt64, bytes: Int) {
        for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }
}
