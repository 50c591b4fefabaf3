import NNVizSystem

/// Turns a command's NET argument into a network: a file path (an nnviz spec `.json`/`.yaml`/`.yml`, a NumPy
/// `.npz`, a PyTorch state dict `.pt`/`.pth` or `.safetensors`, a Keras `.keras` or legacy `.h5` model, an ONNX model `.onnx`) or a
/// bundled example.
///
/// A path wins when the file exists, so a local `xor` file shadows the example of that name. A file's format is
/// read from its content (zip members, magic bytes) as well as its extension; when they disagree, both are named.
public enum NetworkResolver {
    /// The extensions NET may have, for hints.
    static let extensions = ".json, .yaml, .yml, .npz, .pt, .pth, .safetensors, .keras, .h5 or .onnx"

    /// The network `argument` names; `activations` applies to files that carry none (`.npz`, state dicts);
    /// `transpose` to `.npz` weights saved out × in.
    public static func resolve(_ argument: String, activations: [Activation]? = nil, transpose: Bool = false,
                               limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
        let ext = InputFile.fileExtension(argument)
        if InputFile.exists(argument) {
            let format = try detect(argument, ext: ext)
            if transpose && format != .npz {
                throw NNVizError(Setting.transpose, "", "applies only to .npz networks; \(argument) is \(format.description)")
            }
            if activations != nil && !takesActivations(format) {
                throw NNVizError(Setting.activations, "", "applies only to .npz networks and state dicts; \(argument) names its activations itself")
            }
            switch format {
            case .spec:
                return try NetworkSpec.load(path: argument, limits: limits)
            case .npz:
                return try NpzNetwork.load(path: argument, activations: activations, transpose: transpose, limits: limits)
            case .safetensors:
                let bytes = try InputFile.read(argument, limit: limits.maxFileBytes)
                return try SafetensorsFile.load(path: argument, bytes: bytes, activations: activations, limits: limits)
            case .pytorch:
                return try TorchArchive.load(path: argument, activations: activations, limits: limits)
            case .legacyPickle:
                throw NNVizError(argument, "", "is a bare pickle (torch.save before PyTorch 1.6, or pickle.dump); "
                                 + "re-save it with a current PyTorch: torch.save(model.state_dict(), path)")
            case .keras:
                return try KerasFile.loadKeras(path: argument, limits: limits)
            case .hdf5:
                return try KerasFile.loadH5(path: argument, limits: limits)
            case .onnx:
                return try ONNXFile.load(path: argument, limits: limits)
            }
        }
        if let example = BundledExample.named(argument) {
            if transpose { throw NNVizError(Setting.transpose, "", "applies only to .npz networks; \(argument) is a bundled example") }
            if activations != nil {
                throw NNVizError(Setting.activations, "", "applies only to .npz networks and state dicts; \(argument) names its activations itself")
            }
            return try example.network()
        }
        if ModelFormat.byExtension(ext) != nil || argument.contains("/") {
            throw NNVizError(argument, "", "no such file")
        }
        throw NNVizError(argument, "", "unknown example or missing file; examples: \(BundledExample.names)")
    }

    /// Whether the file at `path` carries no activations of its own, so `--activations` applies to it.
    public static func takesActivations(path: String) -> Bool {
        guard InputFile.exists(path), let format = try? detect(path, ext: InputFile.fileExtension(path)) else { return false }
        return takesActivations(format)
    }

    static func takesActivations(_ format: ModelFormat) -> Bool {
        format == .npz || format == .safetensors || format == .pytorch
    }

    /// The format of the existing file at `path`: its content where that tells, else its extension.
    static func detect(_ path: String, ext: String) throws(NNVizError) -> ModelFormat {
        let expected = ModelFormat.byExtension(ext)
        var content = ModelFormat.byContent(ModelFormat.prefix(path) ?? [])
        if content == .npz {
            // A zip is a .npz, a PyTorch archive or a Keras 3 file by its members; one that cannot be listed is
            // left to the reader the extension names, which says what is wrong with it.
            if let archive = try? ModelArchive(path: path, kind: "zip") {
                content = ModelFormat.zipKind(archive.entries.map(\.path)) ?? expected ?? .npz
            } else {
                content = expected.flatMap { [.npz, .pytorch, .keras].contains($0) ? $0 : nil } ?? .npz
            }
        }
        switch (expected, content) {
        case (nil, nil):
            throw NNVizError(path, "", "unknown network format '\(ext.isEmpty ? "(none)" : "." + ext)'; use \(extensions)")
        case (let e?, nil):
            return e
        case (nil, let c?):
            return c
        case (let e?, let c?):
            if e == c || (e == .pytorch && c == .legacyPickle) { return c }
            throw NNVizError(path, "", "is \(c.description), not \(e.description.split(separator: " (").first ?? "") as .\(ext) says")
        }
    }
}
