/// The page linking several reports (`output/index.html`): one card per network with its diagram as thumbnail.
public struct ReportIndex: Sendable {
    /// One report in the index.
    public struct Entry: Sendable {
        public let name: String
        /// The report's folder, relative to the index.
        public let folder: String
        /// `folder/index.html`.
        public let href: String
        public let shape: String
        public let parameters: String
        /// `folder/diagram.png`, or `nil` when the report has no figure.
        public let thumbnail: String?
        public let thumbnailAlt: String

        public init(page: ReportPage, folder: String) {
            name = page.name
            self.folder = folder
            href = folder + "/index.html"
            shape = page.shape
            parameters = page.summary.total
            thumbnail = page.figures.first.map { folder + "/" + $0.png }
            thumbnailAlt = page.figures.first?.alt ?? ""
        }
    }

    public let title: String
    public let count: Int
    public let reports: [Entry]
    public let css: String
    /// `light` or `dark`: the page root's `data-theme`, which the stylesheet follows.
    public let theme: String

    public init(title: String = "Network reports", entries: [Entry], css: String, theme: String = "light") {
        self.theme = theme
        self.title = title
        self.count = entries.count
        self.reports = entries
        self.css = css
    }
}
