import ArgumentParser
import NNVizSystem

/// The `nnviz` command: figures and reports from a small neural network and a batch of samples.
@main
struct NNViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnviz",
        abstract: "Layer diagrams, activation heatmaps, decision regions and reports for small neural networks.",
        version: "0.1.0",
        subcommands: [Summary.self, Forward.self, ExamplesCommand.self, DiagramCommand.self, HeatmapCommand.self, RegionsCommand.self, ReportCommand.self, DatasetsCommand.self, TrainCommand.self]
    )

    /// Runs the command line, reporting every failure as one `error: …` line on stderr (see `CommandError`).
    static func main() {
        do {
            SignalCleanup.install()
            var command = try parseAsRoot(Array(RawPath.arguments().dropFirst()))
            try command.run()
        } catch {
            CommandError.exit(for: error, root: self)
        }
    }
}
