import ArgumentParser
import NNVizRender
import NNVizReport

/// A command that draws one figure (`diagram`, `heatmap`, `regions`, `neuron`, `activations`, `compare`): `run`
/// writes it to `-o`; `nnviz md` calls `build` in-process for each block of a lesson.
protocol FigureCommand: ParsableCommand {
    var figure: FigureCommandOptions { get }
    /// Checks every input and builds the figure with its caption and alt text; writes nothing.
    func build() throws -> BuiltFigure
}

/// A figure ready to paint and the words that go with it.
struct BuiltFigure {
    let figure: any Figure
    let text: FigureText
}

extension FigureCommand {
    func run() throws {
        try CommandError.reporting {
            let built = try build()
            try figure.write(built.figure, text: built.text)
        }
    }
}
