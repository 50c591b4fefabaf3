import Foundation
import ZIPFoundation

extension Archive {
    /// The bytes of `entry`, inflated no further than the `size` it declares (a deflate stream that outgrows it is a
    /// bomb) and checked against the directory's CRC-32 and size, which ZIPFoundation does not compare itself; a
    /// flipped bit must not load as a different weight. Errors name `path` and the member.
    func checkedBytes(of entry: Entry, size: Int, path: String) throws(NNVizError) -> [UInt8] {
        var bytes: [UInt8] = []
        // The declared size is a ceiling, not a promise: reserve at most 64 MiB up front and grow as data comes.
        bytes.reserveCapacity(Swift.min(size, 1 << 26))
        let checksum: CRC32
        do {
            checksum = try extract(entry) { chunk in
                guard bytes.count + chunk.count <= size else { throw CocoaError(.fileReadTooLarge) }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            throw NNVizError(path, entry.path, "cannot be extracted (damaged, or inflates beyond its declared \(size) bytes)")
        }
        guard checksum == entry.checksum, bytes.count == size else {
            throw NNVizError(path, entry.path, "is damaged (its CRC-32 or size does not match the archive's directory)")
        }
        return bytes
    }
}
