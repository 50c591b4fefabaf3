/// A setting a message can point its reader at — where an input came from, or the limit to change — named by what
/// it is, not by how a program spells it.
///
/// Libraries write a setting into a message as its `token` (string interpolation does this: `"raise
/// \(Setting.maxPoints)"`). The libraries' own descriptions render it in plain words (`plainName`: "raise the point
/// limit"), and the `nnviz` command line renders it as its flag ("raise --max-points"): the wording of a command
/// line lives only in the command-line target.
public enum Setting: String, CaseIterable, Sendable, CustomStringConvertible {
    case activations, samples, random, batch, data, resolution, maxEvaluations, maxPoints, maxParameters, maxEdges
    case xRange, yRange, slice, learningRate, epochs, momentum, batchSize, validation, snapshots, loss
    case width, height, scale, title, templates, output, force, showAll, index, transpose
    case neurons, fontSize

    /// The setting as it stands in message text, between two private-use markers.
    public var token: String { Setting.open + rawValue + Setting.close }
    /// Interpolates as its token.
    public var description: String { token }

    static let open = "\u{E000}", close = "\u{E001}"

    /// The setting in plain words, for messages read outside the command line.
    public var plainName: String {
        switch self {
        case .activations: "the activations"
        case .samples: "samples"
        case .random: "random samples"
        case .batch: "batch"
        case .data: "data"
        case .resolution: "the grid resolution"
        case .maxEvaluations: "the evaluation limit"
        case .maxPoints: "the point limit"
        case .maxParameters: "the parameter limit"
        case .maxEdges: "the edge limit"
        case .xRange: "the x range"
        case .yRange: "the y range"
        case .slice: "the slice"
        case .learningRate: "the learning rate"
        case .epochs: "epochs"
        case .momentum: "momentum"
        case .batchSize: "batch size"
        case .validation: "validation fraction"
        case .snapshots: "snapshots"
        case .loss: "loss"
        case .width: "the width"
        case .height: "the height"
        case .scale: "the scale"
        case .title: "the title"
        case .templates: "templates"
        case .output: "output folder"
        case .force: "force"
        case .showAll: "show all"
        case .index: "sample index"
        case .transpose: "transpose"
        case .neurons: "the hidden-neuron panels"
        case .fontSize: "the font size"
        }
    }

    /// `text` with every setting token replaced by `name(setting)`.
    public static func render(_ text: String, _ name: (Setting) -> String) -> String {
        guard text.unicodeScalars.contains("\u{E000}") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{E000}", let end = scalars[(i + 1)...].firstIndex(of: "\u{E001}"),
               let s = Setting(rawValue: String(String.UnicodeScalarView(scalars[(i + 1)..<end]))) {
                out.append(contentsOf: name(s).unicodeScalars)
                i = end + 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `text` in plain words.
    public static func plain(_ text: String) -> String { render(text) { $0.plainName } }
}
