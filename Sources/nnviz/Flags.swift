import NNVizSystem

/// How the command line spells each `Setting` the libraries' messages point at: the only place flag names are
/// chosen for them.
enum Flags {
    /// The flag (or argument) of `setting`.
    static func name(_ setting: Setting) -> String {
        switch setting {
        case .activations: "--activations"
        case .samples: "--sample"
        case .random: "--random"
        case .batch: "--batch"
        case .data: "--data"
        case .resolution: "--resolution"
        case .maxEvaluations: "--max-evaluations"
        case .maxPoints: "--max-points"
        case .maxParameters: "--max-parameters"
        case .maxEdges: "--max-edges"
        case .xRange: "--x-range"
        case .yRange: "--y-range"
        case .slice: "--slice"
        case .learningRate: "--lr"
        case .epochs: "--epochs"
        case .momentum: "--momentum"
        case .batchSize: "--batch-size"
        case .validation: "--validation"
        case .snapshots: "--snapshots"
        case .loss: "--loss"
        case .width: "--width"
        case .height: "--height"
        case .scale: "--scale"
        case .title: "--title"
        case .templates: "--templates"
        case .output: "-o"
        case .force: "--force"
        case .showAll: "--all"
        case .index: "--index"
        case .transpose: "--transpose"
        case .neurons: "--neurons"
        case .fontSize: "--font-size"
        }
    }

    /// `text` with every setting token worded as its flag.
    static func words(_ text: String) -> String { Setting.render(text, name) }
}
