/// Checks every global heap collection of an HDF5 file before libhdf5 reads it. Variable-length strings (Keras's
/// `model_config`) live in these collections, and libhdf5 1.10 walks a collection's objects trusting their sizes:
/// one byte inserted into a stored string shifts the next object's header, and the walk never ends (found by
/// `FuzzTests.mutatedKerasModelsLoadOrFailCleanly`). Here each collection (`GCOL`, version 1) must lie inside the
/// file, and its objects, walked by their declared sizes as libhdf5 walks them, must each move on and end inside it.
/// The objects found are what `HDF5AttributeCheck` checks references against.
enum HDF5GlobalHeaps {
    static let signature: [UInt8] = Array("GCOL".utf8)

    /// The collections by address, with their size and objects (index → size), after checking them.
    static func check(_ bytes: [UInt8], path: String, location: String = "") throws(NNVizError) -> HDF5AttributeCheck.Collections {
        var at = 0
        let n = bytes.count
        var collections: HDF5AttributeCheck.Collections = [:]
        func u64(_ i: Int) -> UInt64 { bytes[i..<(i + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        while at + 16 <= n {
            guard bytes[at] == 0x47, bytes[at + 1] == 0x43, bytes[at + 2] == 0x4F, bytes[at + 3] == 0x4C,
                  bytes[at + 4] == 1, bytes[at + 5] == 0, bytes[at + 6] == 0, bytes[at + 7] == 0 else {
                at += 1
                continue
            }
            let size = u64(at + 8)
            guard size >= 16, size <= UInt64(n - at) else {
                throw NNVizError(path, location, "has an HDF5 global heap at byte \(at) that claims \(size) bytes, past the end of the file")
            }
            let end = at + Int(size)
            // libhdf5's own walk: an object takes its 16-byte header and its size rounded up to 8 bytes; the
            // free-space object (index 0) takes its size as it stands, so a size of 0 there would never move on.
            var p = at + 16
            var objects: [UInt16: UInt64] = [:]
            while p + 16 <= end {
                let index = UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8
                let objectSize = u64(p + 8), room = UInt64(end - p)
                let need = index == 0 ? objectSize : (objectSize <= room ? 16 + (objectSize + 7) & ~7 : .max)
                guard need > 0, need <= room else {
                    throw NNVizError(path, location, "has a damaged HDF5 global heap at byte \(at): object \(index) at byte \(p) "
                                     + "claims \(objectSize) bytes" + (need == 0 ? ", where HDF5 would loop forever" : ", past the end of its collection"))
                }
                if index != 0 { objects[index] = objectSize }
                p += Int(need)
            }
            collections[UInt64(at)] = (size, objects)
            at = end
        }
        return collections
    }
}
