#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NNVizSystem

/// The `nnviz` command: figures and reports from a small neural network and a batch of samples.
@main
struct NNViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnviz",
        abstract: "Layer diagrams, activation heatmaps, decision regions and reports for small neural networks.",
        version: "0.2.0",
        subcommands: [Summary.self, Forward.self, ExamplesCommand.self, DiagramCommand.self, HeatmapCommand.self, RegionsCommand.self, NeuronCommand.self, ActivationsCommand.self, CompareCommand.self, ReportCommand.self, MarkdownCommand.self, DatasetsCommand.self, TrainCommand.self, ConvertCommand.self]
    )

    /// Runs the command line, reporting every failure as one `error: …` line on stderr (see `CommandError`).
    static func main() {
        StandardOutput.reserveStandardDescriptors()
        do {
            SignalCleanup.install()
            var command = try parseAsRoot(Array(RawPath.arguments().dropFirst()))
            try command.run()
        } catch {
            if exitCode(for: error) == .success { printCleanExit(error) }
            CommandError.exit(for: error, root: self)
        }
    }

    /// Prints help and the version as ArgumentParser would (the text and a newline) but through `StandardOutput`,
    /// so `nnviz --help > /dev/full` fails like every other command instead of exiting 0 with the text lost.
    static func printCleanExit(_ error: Error) -> Never {
        let text = fullMessage(for: error)
        var out = StandardOutput()
        do {
            if !text.isEmpty { try out.write(text + "\n") }
            try out.flush()
        } catch {
            CommandError.printLine(error.description)
            POSIX.exit(1)
        }
        POSIX.exit(0)
    }
}
