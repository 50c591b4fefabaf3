import NNVizEngine

/// The files a network is written to (`train -o`, `convert -o`): an nnviz spec with explicit weights (`.json`,
/// `.yaml`, `.yml`: names and labels kept) or an `.npz` (weights, biases and activations only).
enum NetworkFile {
    /// The extensions `-o` may have.
    static let formats = ["json", "yaml", "yml", "npz"]

    /// The format `path`'s extension names, or an error naming the ones there are.
    static func format(of path: String) throws(NNVizError) -> String {
        let format = InputFile.fileExtension(path)
        guard formats.contains(format) else { throw NNVizError(path, "", "unknown network format; use .json, .yaml or .npz") }
        return format
    }

    /// The network in `format`.
    static func bytes(_ network: Network, format: String) -> [UInt8] {
        switch format {
        case "json": Array(NetworkWriter.json(network).utf8)
        case "npz": NpzWriter.bytes(network)
        default: Array(NetworkWriter.yaml(network).utf8)
        }
    }
}
