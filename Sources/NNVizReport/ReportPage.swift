import NNVizEngine
import NNVizRender

/// Everything the report templates can show, as text, lists and flags; Mustache reads it by property name.
///
/// Strings are raw: the HTML template escapes them for HTML, the Markdown template for Markdown. Only `css` is
/// inserted unescaped (`{{{css}}}`), and it comes from the templates, never from a spec.
public struct ReportPage: Sendable {
    /// A figure as the page links it.
    public struct FigureEntry: Sendable {
        public let number: Int
        public let id: String
        public let title: String
        public let caption: String
        public let alt: String
        public let png: String
        public let svg: String
        /// `nil` unless PDF was asked for.
        public let pdf: String?
        /// Display size in CSS pixels: the scene size times the page's `magnification` (one for every figure, so
        /// text is one size throughout); the PNG has `scale` times the scene's pixels.
        public let width: Int
        public let height: Int
        /// Wider than the page's column: its frame scrolls rather than shrink it (class `wide` on the frame).
        public let wide: Bool
    }

    /// training.gif as the page shows it.
    public struct Animation: Sendable {
        public let number: Int
        public let src: String
        public let title: String
        public let caption: String
        public let alt: String
        public let width: Int
        public let height: Int

        public init(number: Int, src: String, text: FigureText, width: Int, height: Int) {
            self.number = number
            self.src = src
            title = text.title
            caption = text.caption
            alt = text.alt
            self.width = width
            self.height = height
        }
    }

    /// The Training section of `report --train`: what was trained how, what changed, and its figures.
    public struct Training: Sendable {
        /// `2000 epochs on xor (4 points): sgd, lr 1, full batch, seed 0, bce loss`.
        public let run: String
        /// `The loss fell from 0.693 to 0.0018 in 3000 epochs; accuracy reached 100 % at epoch 412.`
        public let story: String
        public let figures: [FigureEntry]
        public let animation: Animation?
    }

    /// Snippets that embed the first figure elsewhere.
    public struct Embed: Sendable {
        public let markdown: String
        public let html: String
        public let latex: String
    }

    /// The network's name from its spec.
    public let name: String
    /// Layer widths, e.g. `2 → 2 → 1`.
    public let shape: String
    /// Where the samples came from, e.g. `4 samples from --data xor`; `nil` without samples.
    public let samples: String?
    /// The overlaid dataset, e.g. `xor (4 points, 2 classes)`; `nil` without `--data`.
    public let dataset: String?
    /// What NET was on the command line.
    public let source: String
    public let css: String
    public let summary: SummaryTable
    public let batch: BatchTable?
    /// The figures of the network (the trained one after `--train`).
    public let figures: [FigureEntry]
    /// `nil` unless the report trained the network.
    public let training: Training?
    public let hasPDF: Bool
    public let embed: Embed?
    /// `light` or `dark`: the page root's `data-theme`, which the stylesheet follows.
    public let theme: String
    /// The magnification of every figure on the page (see `displayScale`).
    public let magnification: Double

    /// Width the figures of a page may be enlarged to, in CSS pixels (the page's column).
    public static let displayWidth = 1000.0

    /// How much every figure of a page is magnified, so text is the same size throughout: up to 1.5×, as far as the
    /// widest figure (`widest`) stays within `displayWidth`, never below 1 (a wider figure scrolls in its frame
    /// rather than shrink).
    static func displayScale(widest: Double) -> Double {
        guard widest > 0 else { return 1 }
        return max(1, min(1.5, displayWidth / widest))
    }

    public init(network: Network, source: String, css: String, trace: Trace?, samples: String?, dataset: Dataset?,
                figures: [ReportFigure], formats: [String], training: ReportTraining? = nil, animation: Animation? = nil,
                theme: String = "light") {
        name = network.name
        self.theme = theme
        let m = ReportPage.displayScale(widest: figures.map(\.scene.width).max() ?? 0)
        magnification = m
        shape = network.sizes.map(LabelFormat.count).joined(separator: " → ")
        self.samples = samples
        if let d = dataset {
            self.dataset = "\(d.name) (\(FigureText.plural(d.count, "point")), \(FigureText.plural(d.classCount, "class", "classes")))"
        } else {
            self.dataset = nil
        }
        self.source = source
        self.css = css
        summary = SummaryTable(network: network)
        batch = trace.flatMap { $0.batchSize > 0 ? BatchTable(network: network, trace: $0) : nil }
        hasPDF = formats.contains("pdf")
        let entries = figures.map { f in
            FigureEntry(number: f.number, id: f.id, title: f.text.title, caption: f.text.caption, alt: f.text.alt,
                        png: f.id + ".png", svg: f.id + ".svg", pdf: formats.contains("pdf") ? f.id + ".pdf" : nil,
                        width: Int((m * f.scene.width).rounded()), height: Int((m * f.scene.height).rounded()),
                        wide: m * f.scene.width > ReportPage.displayWidth + 0.5)
        }
        let trainingIDs = Set(training?.figureIDs ?? [])
        self.figures = entries.filter { !trainingIDs.contains($0.id) }
        self.training = training.map { t in
            Training(run: "\(FigureText.plural(t.result.final.epoch, "epoch")) on \(t.dataset.name) "
                        + "(\(FigureText.plural(t.dataset.count, "point"))): \(t.method)",
                     story: FigureText.sentence(t.story), figures: entries.filter { trainingIDs.contains($0.id) }, animation: animation)
        }
        if let first = self.figures.first {
            let vector = formats.contains("pdf") ? first.id + ".pdf" : first.id + ".png"
            embed = Embed(
                markdown: "![\(MarkdownEscaping.escape(first.alt))](\(first.png))",
                html: "<figure>\n  <img src=\"\(first.svg)\" width=\"\(first.width)\" alt=\"\(first.title)\">\n  <figcaption>\(first.title)</figcaption>\n</figure>",
                latex: "\\begin{figure}\n  \\centering\n  \\includegraphics[width=\\linewidth]{\(vector)}\n  \\caption{\(first.title)}\n\\end{figure}")
        } else {
            embed = nil
        }
    }
}
