/// Checks a variable-length string attribute's heap references in the file's bytes before libhdf5 reads it.
///
/// libhdf5 1.10 reads a string's global-heap object by the index its 16-byte reference holds (length u32,
/// collection address u64, object index u32) without checking it, and copies the object's stored size into a
/// buffer of the reference's length: a reference to a missing object, or to one longer than it says, crashes it
/// (found by `FuzzTests.mutatedKerasModelsLoadOrFailCleanly`). So the attribute's message is found in the object's
/// header (version 1, as h5py writes; or version 2), and each reference must name an object of a collection that
/// `HDF5GlobalHeaps` walked, no longer than its length.
enum HDF5AttributeCheck {
    typealias Collections = [UInt64: (size: UInt64, objects: [UInt16: UInt64])]

    /// Nil when every reference of attribute `name` in the object header at `header` is sound, else what is wrong.
    static func problem(_ bytes: [UInt8], header: Int, name: String, collections: Collections) -> String? {
        guard let data = attributeData(bytes, header: header, name: Array(name.utf8)) else {
            return "is not stored where nnviz can check it (an object header of version 1 or 2)"
        }
        var p = data.lowerBound
        while p + 16 <= data.upperBound {
            let length = UInt64(le(bytes, p, 4)), address = le(bytes, p + 4, 8), index = le(bytes, p + 12, 4)
            p += 16
            if length == 0 && address == 0 { continue }   // an empty string
            guard let c = collections[address], index <= UInt64(UInt16.max), let size = c.objects[UInt16(index)], size <= length else {
                return "refers to heap object \(index) of the collection at byte \(address), which is missing or longer than the "
                    + "\(length) bytes the reference says (a damaged file)"
            }
        }
        return nil
    }

    private static func le(_ b: [UInt8], _ at: Int, _ n: Int) -> UInt64 {
        guard at >= 0, at + n <= b.count else { return .max }
        var v: UInt64 = 0
        for i in (0..<n).reversed() { v = v << 8 | UInt64(b[at + i]) }
        return v
    }

    /// The byte range of the data of attribute `name`'s message, following continuation messages (at most 64).
    private static func attributeData(_ b: [UInt8], header: Int, name: [UInt8]) -> Range<Int>? {
        var chunks: [(Range<Int>, version: Int)] = []
        if header + 16 <= b.count, b[header] == 1 {   // version 1: 16-byte prefix, messages aligned to 8
            let size = Int(le(b, header + 8, 4))
            guard size <= b.count - header - 16 else { return nil }
            chunks.append(((header + 16)..<(header + 16 + size), 1))
        } else if header + 6 <= b.count, b[header..<(header + 4)].elementsEqual("OHDR".utf8), b[header + 4] == 2 {
            let flags = b[header + 5]
            var p = header + 6 + (flags & 0x20 != 0 ? 16 : 0) + (flags & 0x10 != 0 ? 4 : 0)
            let width = 1 << Int(flags & 3)
            let size = Int(clamping: le(b, p, width))
            p += width
            guard size <= b.count - p - 4 else { return nil }
            chunks.append((p..<(p + size), 2))
        } else {
            return nil
        }
        var i = 0
        while i < chunks.count, i < 64 {
            let (range, version) = chunks[i]
            let creationOrder = version == 2 && b[header + 5] & 0x04 != 0
            var p = range.lowerBound + (i > 0 && version == 2 ? 4 : 0)   // "OCHK" of a continuation chunk
            let headerSize = version == 1 ? 8 : 4 + (creationOrder ? 2 : 0)
            while p + headerSize <= range.upperBound {
                let type = version == 1 ? Int(le(b, p, 2)) : Int(b[p])
                let size = Int(version == 1 ? le(b, p + 2, 2) : le(b, p + 1, 2))
                let body = p + headerSize
                guard size <= range.upperBound - body else { return nil }
                if type == 0x10, size >= 16 {   // continuation: address, length
                    let at = le(b, body, 8), length = le(b, body + 8, 8)
                    if at < UInt64(b.count), length <= UInt64(b.count) - at {
                        chunks.append((Int(at)..<(Int(at) + Int(length) - (version == 2 ? 4 : 0)), version))
                    }
                } else if type == 0x0C, let data = attribute(b, body..<(body + size), name: name) {
                    return data
                }
                p = body + size
                if version == 1 { p = (p + 7) & ~7 }
            }
            i += 1
        }
        return nil
    }

    /// The data range of the attribute message in `m` when it is named `name`.
    private static func attribute(_ b: [UInt8], _ m: Range<Int>, name: [UInt8]) -> Range<Int>? {
        guard m.count >= 8 else { return nil }
        let version = b[m.lowerBound]
        let nameSize = Int(le(b, m.lowerBound + 2, 2)), typeSize = Int(le(b, m.lowerBound + 4, 2))
        let spaceSize = Int(le(b, m.lowerBound + 6, 2))
        func pad(_ n: Int) -> Int { version == 1 ? (n + 7) & ~7 : n }
        let nameAt = m.lowerBound + 8 + (version == 3 ? 1 : 0)
        let dataAt = nameAt + pad(nameSize) + pad(typeSize) + pad(spaceSize)
        guard nameSize >= 1, dataAt <= m.upperBound,
              b[nameAt..<(nameAt + nameSize - 1)].elementsEqual(name) else { return nil }
        return dataAt..<m.upperBound
    }
}
