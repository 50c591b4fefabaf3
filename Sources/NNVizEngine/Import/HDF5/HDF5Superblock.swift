/// The cheap checks made on an HDF5 file's bytes before libhdf5 sees them: the signature at the start (where h5py
/// and Keras put it), a superblock version nnviz knows (0–3), 8-byte addresses and lengths, a base address of 0,
/// and an end-of-file address that the bytes reach, so a truncated or lying file is refused with a plain message.
enum HDF5Superblock {
    static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Refuses `bytes` unless its superblock passes the checks above; `location` names a zip member, if any.
    static func check(_ bytes: [UInt8], path: String, location: String = "") throws(NNVizError) {
        func fail(_ message: String) -> NNVizError { NNVizError(path, location, message) }
        guard bytes.starts(with: signature) else {
            throw fail("does not start with the HDF5 signature (not an HDF5 file, or one with a user block)")
        }
        guard bytes.count >= 48 else { throw fail("is \(bytes.count) bytes, too short for an HDF5 superblock") }
        let version = Int(bytes[8])
        let sizes: (offsets: UInt8, lengths: UInt8), base: Int, eof: Int
        switch version {
        case 0, 1:
            sizes = (bytes[13], bytes[14])
            base = version == 0 ? 24 : 28
            eof = base + 16
        case 2, 3:
            sizes = (bytes[9], bytes[10])
            base = 12
            eof = 28
        default:
            throw fail("uses HDF5 superblock version \(version); nnviz reads versions 0 to 3 (HDF5 1.8 to 1.12)")
        }
        guard sizes == (8, 8) else {
            throw fail("uses \(sizes.offsets)-byte addresses and \(sizes.lengths)-byte lengths; nnviz reads HDF5 files with 8-byte ones, as h5py writes")
        }
        guard bytes.count >= eof + 8 else { throw fail("is \(bytes.count) bytes, too short for an HDF5 superblock") }
        func address(_ at: Int) -> UInt64 { bytes[at..<(at + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        guard address(base) == 0 else { throw fail("has an HDF5 base address of \(address(base)); nnviz reads files whose data starts at byte 0") }
        let end = address(eof)
        guard end <= UInt64(bytes.count) else {
            throw fail("is truncated: its HDF5 superblock says it ends at byte \(end) but it has \(bytes.count) bytes")
        }
    }
}
