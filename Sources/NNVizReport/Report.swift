import NNVizCairo
import NNVizEngine
import NNVizScene

/// Writes reports: one folder per network with `index.html`, `report.md`, `report.json` and every figure as PNG and
/// SVG (PDF on request), built beside the destination and swapped in only when complete.
public struct Report: Sendable {
    public var templates: ReportTemplates
    /// Formats every figure is written in; PNG and SVG always, PDF when listed.
    public var formats: [OutputFormat]
    /// Device pixels per CSS pixel of the PNGs (2 keeps them sharp on high-density screens).
    public var scale: Double

    public init(templates: ReportTemplates, formats: [OutputFormat] = [.png, .svg], scale: Double = 2) {
        self.templates = templates
        var f = formats
        for required in [OutputFormat.svg, .png] where !f.contains(required) { f.insert(required, at: 0) }
        self.formats = OutputFormat.allCases.filter { f.contains($0) }
        self.scale = scale
    }

    /// Work units of one report, for progress bars: one per figure and one for the pages.
    public static func steps(_ input: ReportInput) -> Int { input.figureIDs.count + 1 }

    /// Renders `input` into the folder `destination` (created with its parents as needed) and returns the page.
    /// `step` is called after each figure and after the pages (see `steps`); throwing from it cancels the report.
    /// On any error the previous report at `destination`, if any, is left exactly as it was.
    @discardableResult
    public func write(_ input: ReportInput, to destination: String,
                      step: () throws(NNVizError) -> Void = {}) throws(NNVizError) -> ReportPage {
        let net = input.network
        let trace = try input.batch.map { b throws(NNVizError) in try net.forward(b, source: input.batchSource ?? "batch") }
        let measurer = CairoTextMeasurer()
        let folder = try StagedFolder(destination: destination)
        // A report has no --width or --height: its figures grow with the samples.
        let figures = try ReportFigures.build(input, trace: trace, measurer: measurer, scale: scale)
        for figure in figures {
            let wide = (figure.scene.width * scale).rounded(.up) > Double(CairoPainter.maxSide)
            let painter = CairoPainter(scale: scale, oversizeHint: wide ? "a long name or label widens the figure; shorten it or lower --scale"
                                                                        : "give fewer samples or a lower --scale")
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
        let formatNames = formats.map(\.rawValue)
        let samples = trace.map { "\(FigureText.plural($0.batchSize, "sample")) from \(input.batchSource ?? "the batch")" }
        let page = ReportPage(network: net, source: input.source, css: templates.css, trace: trace, samples: samples,
                              dataset: input.dataset, figures: figures, formats: formatNames)
        try folder.write(try templates.html(page), name: "index.html")
        try folder.write(try templates.markdown(page), name: "report.md")
        try folder.write(ReportJSON.document(network: net, source: input.source, samples: input.batchSource, trace: trace,
                                             dataset: input.dataset, figures: figures, formats: formatNames), name: "report.json")
        try step()
        try folder.commit()
        return page
    }

    /// Writes `index.html` into `folder`, linking the reports in its subfolders (atomically: temporary file, rename).
    public func writeIndex(_ entries: [ReportIndex.Entry], in folder: String) throws(NNVizError) {
        let html = try templates.index(ReportIndex(entries: entries, css: templates.css))
        let path = folder.hasSuffix("/") ? folder + "index.html" : folder + "/index.html"
        do {
            try AtomicFile.write(Array(html.utf8), to: path)
        } catch {
            throw NNVizError(error.path, "", error.message)
        }
    }
}
