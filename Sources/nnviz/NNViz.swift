import ArgumentParser

/// The `nnviz` command: figures and reports from a small neural network and a batch of samples.
@main
struct NNViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnviz",
        abstract: "Layer diagrams, activation heatmaps, decision regions and reports for small neural networks.",
        version: "0.1.0",
        subcommands: []
    )
}
