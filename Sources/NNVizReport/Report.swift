import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizScene
import NNVizSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes reports: one folder per network with `index.html`, `report.md`, `report.json` and every figure as PNG and
/// SVG (PDF on request), built beside the destination and swapped in only when complete.
public struct Report: Sendable {
    public var templates: ReportTemplates
    /// Formats every figure is written in; PNG and SVG always, PDF when listed.
    public var formats: [OutputFormat]
    /// Device pixels per CSS pixel of the PNGs (2 keeps them sharp on high-density screens).
    public var scale: Double
    /// Write into a folder that also holds files nnviz did not write, keeping them (otherwise refused).
    public var force: Bool
    /// The theme of every figure, the training animation and the pages (`data-theme` on the page's root).
    public var theme: Theme

    public init(templates: ReportTemplates, formats: [OutputFormat] = [.png, .svg], scale: Double = 2, force: Bool = false,
                theme: Theme = .light) {
        self.templates = templates
        self.force = force
        self.theme = theme
        var f = formats
        for required in [OutputFormat.svg, .png] where !f.contains(required) { f.insert(required, at: 0) }
        self.formats = OutputFormat.allCases.filter { f.contains($0) }
        self.scale = scale
    }

    /// The pages every report writes beside its figures.
    static let pageNames = ["index.html", "report.md", "report.json"]

    /// Every name a report of any network writes, in any format: what a folder from an older nnviz (without a
    /// manifest) may hold and still count as nnviz's.
    static let everyName: Set<String> = Set(pageNames + [ReportTraining.gifName]
        + (["diagram", "activations", "weights", "regions"] + ReportTraining.everyID).flatMap { id in
            OutputFormat.allCases.map { id + "." + $0.rawValue }
        })

    /// The files the report of `input` writes.
    public func fileNames(_ input: ReportInput) -> [String] {
        input.figureIDs.flatMap { id in formats.map { id + "." + $0.rawValue } } + Report.pageNames
            + (input.training?.hasRegions == true ? [ReportTraining.gifName] : [])
    }

    /// Throws, before any work, when `destination` holds something the report of `input` may not replace (see
    /// `Ownership`): a file, or a folder with files nnviz did not write (unless `force`, and none is in the way).
    public func checkDestination(_ input: ReportInput, _ destination: String) throws(NNVizError) {
        try Ownership(of: destination, ownNames: Report.everyName).check(destination, force: force, writing: fileNames(input))
    }

    /// Work units of one report, for progress bars: one per figure and one for the pages.
    public static func steps(_ input: ReportInput) -> Int { input.figureIDs.count + 1 + (input.training?.hasRegions == true ? 1 : 0) }

    /// Renders `input` into the folder `destination` (created with its parents as needed) and returns the page.
    /// `step` is called after each figure and after the pages (see `steps`); throwing from it cancels the report.
    /// On any error the previous report at `destination`, if any, is left exactly as it was.
    @discardableResult
    public func write(_ input: ReportInput, to destination: String,
                      step: () throws(NNVizError) -> Void = {}) throws(NNVizError) -> ReportPage {
        let net = input.network
        let trace = try input.batch.map { b throws(NNVizError) in try net.forward(b, source: input.batchSource ?? "batch") }
        let measurer = CairoTextMeasurer()
        let folder = try StagedFolder(destination: destination, ownNames: Report.everyName, planned: fileNames(input), force: force)
        // A report has no --width or --height: its figures grow with the samples.
        let figures = try ReportFigures.build(input, trace: trace, measurer: measurer, scale: scale, theme: theme)
        for figure in figures {
            let wide = (figure.scene.width * scale).rounded(.up) > Double(CairoPainter.maxSide)
            let painter = CairoPainter(scale: scale, oversizeHint: wide ? "a long name or label widens the figure; shorten it or lower \(Setting.scale)"
                                                                        : "give fewer samples or a lower \(Setting.scale)")
            for format in formats {
                let name = figure.id + "." + format.rawValue
                let bytes: [UInt8]
                do {
                    bytes = try painter.render(figure.scene, format: format, name: destination + "/" + name)
                } catch {
                    throw NNVizError(error.path, "", error.message)
                }
                try folder.write(bytes, name: name)
            }
            try step()
        }
        var animation: ReportPage.Animation?
        if let training = input.training, let gif = try trainingGIF(training, measurer: measurer, destination: destination) {
            try folder.write(gif.bytes, name: ReportTraining.gifName)
            animation = ReportPage.Animation(number: figures.count + 1, src: ReportTraining.gifName, text: FigureText.animation(training),
                                             width: gif.width, height: gif.height)
            try step()
        }
        let formatNames = formats.map(\.rawValue)
        let samples = trace.map { t in
            input.batchDescription ?? "\(FigureText.plural(t.batchSize, "sample")) from \(input.batchSource ?? "the batch")"
        }
        let page = ReportPage(network: net, source: input.source, css: templates.css, trace: trace, samples: samples,
                              dataset: input.dataset, figures: figures, formats: formatNames, training: input.training, animation: animation,
                              theme: theme.name.rawValue)
        try folder.write(try templates.html(page), name: "index.html")
        try folder.write(try templates.markdown(page), name: "report.md")
        try folder.write(ReportJSON.document(network: net, source: input.source, samples: input.batchSource, trace: trace,
                                             dataset: input.dataset, figures: figures, formats: formatNames, training: input.training,
                                             animation: animation.map { _ in ReportTraining.gifName }), name: "report.json")
        try step()
        try folder.commit()
        return page
    }

    /// training.gif of a run with decision regions, painted at 1× (its frames are 1280 × 720 for slides), with its
    /// size; `nil` without regions.
    func trainingGIF(_ t: ReportTraining, measurer: any TextMeasurer, destination: String) throws(NNVizError) -> (bytes: [UInt8], width: Int, height: Int)? {
        guard t.hasRegions else { return nil }
        let figures = TrainingFigures(result: t.result, dataset: t.dataset, snapshots: t.frames, frameEpochs: t.frames,
                                      options: FigureOptions(theme: theme), scale: 1)
        do {
            guard let bytes = try figures.gif(measurer: measurer, painter: CairoPainter(scale: 1)) else { return nil }
            return (bytes, Int(TrainingFrame.defaultSize.width), Int(TrainingFrame.defaultSize.height))
        } catch {
            throw NNVizError(destination + "/" + ReportTraining.gifName, "", error.message)
        }
    }

    /// Writes `index.html` into `folder`, linking the reports in its subfolders (atomically: temporary file, rename).
    /// An `index.html` already there is replaced only if nnviz wrote it (see `checkIndex`).
    public func writeIndex(_ entries: [ReportIndex.Entry], in folder: String) throws(NNVizError) {
        let html = try templates.index(ReportIndex(entries: entries, css: templates.css, theme: theme.name.rawValue))
        try checkIndex(in: folder)
        let path = Report.indexPath(folder)
        do {
            try AtomicFile.write(Array(html.utf8), to: path)
            try AtomicFile.write(Array(StagedFolder.manifest(["index.html"]).utf8), to: Report.join(folder, Report.indexManifest))
        } catch {
            throw NNVizError(error.path, "", error.message)
        }
    }

    /// The marker beside an index of reports that says nnviz wrote it.
    static let indexManifest = ".nnviz-index"

    /// Throws when `folder/index.html` exists and nnviz did not write it: no `.nnviz-index` beside it lists it, and
    /// it is not an index from an older nnviz (`<meta name="generator" content="nnviz">`). Never replaced, even
    /// with `force`.
    public func checkIndex(in folder: String) throws(NNVizError) {
        let path = Report.indexPath(folder)
        guard let kind = FileTree.kind(path) else { return }
        if kind == S_IFREG {
            if Ownership.manifest(in: folder, name: Report.indexManifest)?.contains("index.html") == true { return }
            if let text = try? InputFile.text(path, limit: 16 << 20), text.contains("<meta name=\"generator\" content=\"nnviz\">") { return }
        }
        throw NNVizError(path, "", "was not written by nnviz and is never replaced; choose another \(Setting.output) for several networks")
    }

    static func join(_ folder: String, _ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
    static func indexPath(_ folder: String) -> String { join(folder, "index.html") }
}
