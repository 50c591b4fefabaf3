import Foundation
import NNVizSystem
import ZIPFoundation

/// A zip archive a model format is stored in (PyTorch's `torch.save`, Keras 3's `.keras`), read member by member:
/// the directory is listed before anything is inflated, each member is inflated no further than it declares (and
/// than `maxMemberBytes`), and its CRC-32 is checked.
final class ModelArchive {
    let path: String
    private let archive: Archive
    private var fd: Int32 = -1
    /// The file entries, in directory order (at most `maxEntries`).
    private(set) var entries: [Entry] = []

    /// Most members an archive may list before it is refused.
    static let maxEntries = 10_000

    /// Whether the file at `path` starts with a zip local-file or end-of-directory signature.
    static func isZip(_ prefix: [UInt8]) -> Bool {
        prefix.count >= 4 && prefix[0] == 0x50 && prefix[1] == 0x4B && (prefix[2], prefix[3]) == (3, 4) || prefix.starts(with: [0x50, 0x4B, 5, 6])
    }

    init(path: String, kind: String) throws(NNVizError) {
        self.path = path
        try InputFile.requireRegularFile(path)
        if path.unicodeScalars.contains(where: RawPath.isRawByte) {
            fd = RawPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else { throw NNVizError(path, "", InputFile.reason(errno)) }
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: fd >= 0 ? "/dev/fd/\(fd)" : path), accessMode: .read)
        } catch {
            if fd >= 0 { close(fd) }
            throw NNVizError(path, "", "is not a readable \(kind) (zip) archive")
        }
        var listed = 0
        for entry in archive {
            listed += 1
            guard listed <= Self.maxEntries else {
                throw NNVizError(path, "", "lists more than \(Self.maxEntries) members, the limit")
            }
            if entry.type == .file { entries.append(entry) }
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The member named `name`, if listed.
    func entry(_ name: String) -> Entry? { entries.first { $0.path == name } }

    /// The bytes of `entry`, refused when it declares more than `limit` bytes, inflates beyond what it declares, or
    /// fails its checksum.
    func extract(_ entry: Entry, limit: UInt64) throws(NNVizError) -> [UInt8] {
        let member = entry.path
        guard entry.uncompressedSize <= limit, let ceiling = Int(exactly: entry.uncompressedSize) else {
            throw NNVizError(path, member, "claims \(entry.uncompressedSize) bytes uncompressed, more than the limit of \(limit)")
        }
        return try archive.checkedBytes(of: entry, size: ceiling, path: path)
    }
}
