import NNVizSystem
/// Turns a command's NET argument into a network: a file path (`.json`, `.yaml`, `.yml`, `.npz`) or a bundled example.
///
/// A path wins when the file exists, so a local `xor` file shadows the example of that name.
public enum NetworkResolver {
    /// The network `argument` names; `activations` applies to `.npz` archives, which carry no activations.
    public static func resolve(_ argument: String, activations: [Activation]? = nil,
                               limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
        let ext = InputFile.fileExtension(argument)
        if InputFile.exists(argument) {
            switch ext {
            case "json", "yaml", "yml":
                if activations != nil {
                    throw NNVizError(Setting.activations, "", "applies only to .npz networks; \(argument) names its activations itself")
                }
                return try NetworkSpec.load(path: argument, limits: limits)
            case "npz":
                return try NpzNetwork.load(path: argument, activations: activations, limits: limits)
            default:
                throw NNVizError(argument, "", "unknown network format '\(ext.isEmpty ? "(none)" : "." + ext)'; use .json, .yaml, .yml or .npz")
            }
        }
        if let example = BundledExample.named(argument) {
            if activations != nil {
                throw NNVizError(Setting.activations, "", "applies only to .npz networks; \(argument) names its activations itself")
            }
            return try example.network()
        }
        if ["json", "yaml", "yml", "npz"].contains(ext) || argument.contains("/") {
            throw NNVizError(argument, "", "no such file")
        }
        throw NNVizError(argument, "", "unknown example or missing file; examples: \(BundledExample.names)")
    }
}
