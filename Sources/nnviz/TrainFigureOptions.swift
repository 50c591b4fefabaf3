import ArgumentParser
import NNVizRender

/// How `nnviz train --figures` draws: the size, scale and theme of every figure.
struct TrainFigureOptions: ParsableArguments {
    @Option(help: "Width of each figure in px; automatic when left out (training.gif: 1280).")
    var width: Double?

    @Option(help: "Height of each figure in px; automatic when left out (training.gif: 720).")
    var height: Double?

    @Option(help: "Pixels per unit for the PNG figures and training.gif, e.g. 2 for HiDPI slides (0.25…8).")
    var scale: Double = 1

    @Option(help: "Colour theme.")
    var theme: Theme.Name = .light

    func validate() throws {
        for (name, v) in [("--width", width), ("--height", height)] {
            if let v, !(v.isFinite && v >= 50 && v <= 20_000) {
                throw ValidationError("\(name) must be between 50 and 20000, got \(v)")
            }
        }
        guard scale.isFinite, (0.25...8).contains(scale) else { throw ValidationError("--scale must be between 0.25 and 8, got \(scale)") }
    }

    /// The figures' options.
    var figure: FigureOptions {
        FigureOptions(width: width, height: height, theme: Theme.named(theme))
    }
}
