import ArgumentParser
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizReport
import NNVizScene
import NNVizSystem

/// Options every figure command takes: the output file and its size, scale, theme, title and font.
struct FigureCommandOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Output file; the extension picks the format: .png, .svg or .pdf.",
                                                      valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Figure width in px (points in PDF), or with a unit: 85mm, 8.5cm, 3.3in, 240pt; automatic when left out.",
                               valueName: "length"))
    var width: Length?

    @Option(help: ArgumentHelp("Figure height in px (points in PDF), or with a unit: 60mm, 6cm, 2.4in, 170pt; automatic when left out.",
                               valueName: "length"))
    var height: Length?

    @Option(name: .customLong("font-size"),
            help: "Body text size in points (px at --scale 1); everything is drawn in proportion. Default 12, or 9 for sizes in mm, cm, in or pt.")
    var fontSize: Double?

    @Option(help: "Pixels per unit for PNG output, e.g. 2 for HiDPI slides (0.25…8).")
    var scale: Double = 1

    @Option(help: "Colour theme.")
    var theme: Theme.Name = .light

    @Option(help: "Figure title; an empty string removes it.")
    var title: String?

    @Option(help: "Font family, resolved by fontconfig.")
    var font: String = "DejaVu Sans"

    @Option(help: "Colours: default, or print (also readable in greyscale: negative dashed or hatched, regions by lightness).")
    var palette: String = "default"

    func validate() throws {
        try PathArgument.require(output, "-o")
        for (name, v) in [("--width", width), ("--height", height)] {
            if let v, !(v.points.isFinite && v.points >= 50 && v.points <= 20_000) {
                let given = v.unit.isEmpty ? "\(v.value)" : v.svgText
                throw ValidationError("\(name) must be between 50 and 20000, got \(given)")
            }
        }
        if let fontSize, !(fontSize.isFinite && (4...72).contains(fontSize)) {
            throw ValidationError("--font-size must be between 4 and 72 points, got \(fontSize)")
        }
        guard scale.isFinite, (0.25...8).contains(scale) else { throw ValidationError("--scale must be between 0.25 and 8, got \(scale)") }
        guard FigurePalette(rawValue: palette) != nil else { throw ValidationError("--palette must be default or print, got '\(palette)'") }
    }

    /// The advice figures print, in this command line's words.
    static let notes = FigureNotes(elided: "--all draws every one", crowdedLabels: "a taller figure (--height) makes room",
                                   noSamples: "give --batch, --sample or --random")

    /// The renderer's options.
    var figure: FigureOptions {
        var o = FigureOptions(width: width?.points, height: height?.points, theme: Theme.named(theme),
                              title: title, fontFamily: font.isEmpty ? "DejaVu Sans" : font, notes: Self.notes, fontSize: baseFontSize)
        o.palette = FigurePalette(rawValue: palette) ?? .standard
        return o
    }

    /// The body text size: `--font-size`, else 9 pt for print sizes (a physical unit given), else the figures' own 12.
    var baseFontSize: Double {
        if let fontSize { return fontSize }
        return (width?.isPhysical ?? false) || (height?.isPhysical ?? false) ? 9 : TextSize.body
    }

    /// Fails early, before any work, when the output's extension names no format or the given `--width` or
    /// `--height` at `--scale` (PNG only) already exceeds the canvas limit.
    func checkFormat() throws(CairoError) {
        let format = try OutputFormat(path: output)
        do throws(CairoError) {
            try CairoPainter.checkSides(width: width?.points, height: height?.points, scale: format == .png ? scale : 1)
        } catch {
            throw CairoError(path: output, message: error.message)
        }
    }

    /// Lays the figure out with Cairo's text metrics to fit the requested size (`fittedScene`, which refuses a
    /// canvas too small) and paints it into the output file (written to a temporary name, then renamed).
    /// With `NNVIZ_TIMING=1`, everything before this call (reading the network and samples, the forward pass)
    /// is the parse stage, then come layout, raster, encode and write (`StageTiming`).
    ///
    /// SVG and PDF carry the drawn title and `text`'s alt text (the words a report gives the same figure); an SVG
    /// keeps the units of `--width` and `--height` on its root.
    func write(_ figure: some Figure, text: FigureText? = nil) throws {
        StageTiming.end("parse")
        warnAboutFont()
        let scene = try figure.fittedScene(measurer: CairoTextMeasurer())
        StageTiming.end("layout")
        var painter = CairoPainter(scale: scale, oversizeHint: oversizeHint(scene))
        let drawnTitle = scene.items(role: "title").lazy.compactMap { item -> String? in
            if case .text(let s, _, _, _, _, _, _) = item.primitive { return s } else { return nil }
        }.first
        painter.document = DocumentInfo(title: drawnTitle ?? text?.title ?? "", description: text?.alt ?? "",
                                        svgWidth: svgSide(width, scene.width), svgHeight: svgSide(height, scene.height))
        // A folder of -o that does not exist yet is created (as report does), and removed again if the write fails.
        var folder = String(output.reversed().drop { $0 != "/" }.reversed())
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        let created = folder.isEmpty ? nil : try OutputFolders(folder)
        do {
            try painter.write(scene, to: output)
        } catch {
            created?.remove()
            throw error
        }
        created?.keep()
    }

    /// A `--font` no installed face answers to is drawn in fontconfig's substitute: one warning line on stderr naming
    /// it, `warning: font "Foo" is not installed; using DejaVu Sans`, and the figure is drawn all the same.
    func warnAboutFont() {
        guard !font.isEmpty, let used = FontMatch.substitute(for: font) else { return }
        CommandError.printLine("warning: font \"\(font)\" is not installed; using \(used)")
    }

    /// The SVG root's side: as given when in a physical unit; an automatic side in the other side's unit; nil (Cairo's
    /// px) when no physical unit was given.
    func svgSide(_ given: Length?, _ points: Double) -> String? {
        guard let unit = [width, height].compactMap({ $0 }).first(where: \.isPhysical)?.unit else { return nil }
        if let given, given.isPhysical { return given.svgText }
        let v = points / (Length.pointsPerUnit[unit] ?? 1)
        return String((v * 100).rounded() / 100) + unit
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
