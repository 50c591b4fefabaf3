#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNVizSystem

/// The kinds of network file nnviz recognises, by extension and by content (magic bytes, zip members).
enum ModelFormat: String, Sendable {
    case spec, npz, safetensors, pytorch, keras, hdf5, onnx, legacyPickle

    /// What a user calls it in an error: "a safetensors file".
    var description: String {
        switch self {
        case .spec: return "a JSON/YAML spec"
        case .npz: return "a NumPy .npz archive"
        case .safetensors: return "a safetensors file"
        case .pytorch: return "a PyTorch zip archive (a .pt file?)"
        case .keras: return "a zip archive holding config.json (a .keras file?)"
        case .hdf5: return "an HDF5 file (a .h5 file?)"
        case .onnx: return "an ONNX protobuf"
        case .legacyPickle: return "a pickle (a legacy torch.save file?)"
        }
    }

    /// The format an extension promises, if any.
    static func byExtension(_ ext: String) -> ModelFormat? {
        switch ext {
        case "json", "yaml", "yml": return .spec
        case "npz": return .npz
        case "safetensors": return .safetensors
        case "pt", "pth": return .pytorch
        case "keras": return .keras
        case "h5", "hdf5": return .hdf5
        case "onnx": return .onnx
        default: return nil
        }
    }

    /// The format the first bytes of the file show, or nil when they show none in particular (text or unknown
    /// bytes). ONNX has no magic number; it is told by how its protobuf begins. A zip is told apart by its members
    /// (`zipKind`).
    static func byContent(_ prefix: [UInt8]) -> ModelFormat? {
        if ModelArchive.isZip(prefix) { return .npz }   // refined by `zipKind`
        if prefix.starts(with: [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) { return .hdf5 }
        if prefix.count >= 2, prefix[0] == 0x80, (2...5).contains(prefix[1]) { return .legacyPickle }
        if SafetensorsFile.looksLike(prefix) { return .safetensors }
        if ONNXFile.looksLike(prefix) { return .onnx }
        return nil
    }

    /// A zip archive's kind from its member names: `…/data.pkl` (PyTorch), `config.json` (Keras 3), only `.npy`
    /// members (NumPy), or nil when the names say none of these.
    static func zipKind(_ names: [String]) -> ModelFormat? {
        if names.contains(where: { $0 == "data.pkl" || $0.hasSuffix("/data.pkl") }) { return .pytorch }
        if names.contains("config.json") { return .keras }
        return names.allSatisfy { $0.hasSuffix(".npy") } ? .npz : nil
    }

    /// Up to `count` bytes from the start of the file (fewer when it is shorter); nil when it cannot be opened.
    static func prefix(_ path: String, count: Int = 16) -> [UInt8]? {
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { POSIX.read(fd, $0.baseAddress!, count) }
        return n < 0 ? nil : Array(bytes.prefix(n))
    }
}
