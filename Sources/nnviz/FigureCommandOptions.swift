import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizScene

/// Options every figure command takes: the output file and its size, scale, theme, title and font.
struct FigureCommandOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Output file; the extension picks the format: .png, .svg or .pdf.",
                                                      valueName: "file"))
    var output: String

    @Option(help: "Figure width in px (points in PDF); automatic when left out.")
    var width: Double?

    @Option(help: "Figure height in px (points in PDF); automatic when left out.")
    var height: Double?

    @Option(help: "Pixels per unit for PNG output, e.g. 2 for HiDPI slides (0.25…8).")
    var scale: Double = 1

    @Option(help: "Colour theme: light or dark.")
    var theme: String = "light"

    @Option(help: "Figure title; an empty string removes it.")
    var title: String?

    @Option(help: "Font family, resolved by fontconfig.")
    var font: String = "DejaVu Sans"

    @Option(help: "Colours: default, or print (also readable in greyscale: negative dashed or hatched, regions by lightness).")
    var palette: String = "default"

    func validate() throws {
        try PathArgument.require(output, "-o")
        for (name, v) in [("--width", width), ("--height", height)] {
            if let v, !(v.isFinite && v >= 50 && v <= 20_000) {
                throw ValidationError("\(name) must be between 50 and 20000, got \(v)")
            }
        }
        guard scale.isFinite, (0.25...8).contains(scale) else { throw ValidationError("--scale must be between 0.25 and 8, got \(scale)") }
        guard Theme.Name(rawValue: theme) != nil else { throw ValidationError("--theme must be light or dark, got '\(theme)'") }
        guard FigurePalette(rawValue: palette) != nil else { throw ValidationError("--palette must be default or print, got '\(palette)'") }
    }

    /// The advice figures print, in this command line's words.
    static let notes = FigureNotes(elided: "--all draws every one", crowdedLabels: "a taller figure (--height) makes room",
                                   noSamples: "give --batch, --sample or --random")

    /// The renderer's options.
    var figure: FigureOptions {
        var o = FigureOptions(width: width, height: height, theme: Theme.named(Theme.Name(rawValue: theme) ?? .light), title: title,
                              fontFamily: font.isEmpty ? "DejaVu Sans" : font, notes: Self.notes)
        o.palette = FigurePalette(rawValue: palette) ?? .standard
        return o
    }

    /// Fails early, before any work, when the output's extension names no format or the given `--width` or
    /// `--height` at `--scale` (PNG only) already exceeds the canvas limit.
    func checkFormat() throws(CairoError) {
        let format = try OutputFormat(path: output)
        do throws(CairoError) {
            try CairoPainter.checkSides(width: width, height: height, scale: format == .png ? scale : 1)
        } catch {
            throw CairoError(path: output, message: error.message)
        }
    }

    /// Lays the figure out with Cairo's text metrics and paints it into the output file (written to a temporary
    /// name, then renamed).
    func write(_ figure: some Figure) throws(CairoError) {
        let scene = figure.scene(measurer: CairoTextMeasurer())
        try CairoPainter(scale: scale, oversizeHint: oversizeHint(scene)).write(scene, to: output)
    }

    /// What fixes a canvas over the limit: a side left automatic grew with the content (a long title or label, many
    /// rows), and giving that side fixes it; lowering it only helps when it was given.
    func oversizeHint(_ scene: Scene) -> String {
        let s = ((try? OutputFormat(path: output)) ?? .png) == .png ? scale : 1
        let limit = Double(CairoPainter.maxSide)
        if width == nil, (scene.width * s).rounded(.up) > limit {
            return "the automatic width follows the longest title or label; give --width (or a shorter --title)"
        }
        if height == nil, (scene.height * s).rounded(.up) > limit {
            return "the automatic height follows the content; give --height or lower --scale"
        }
        return CairoPainter.sizeOptionsHint
    }
}
