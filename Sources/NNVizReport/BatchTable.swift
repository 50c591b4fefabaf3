import NNVizEngine

/// The forward pass of the batch as a table: one row per sample with its inputs, every layer's activations and,
/// for networks with several outputs, the arg-max class. Values are rounded for reading (whole numbers without
/// decimals, otherwise three); `report.json` holds them at full precision.
public struct BatchTable: Sendable {
    /// A run of columns belonging to one layer (the input counts as one).
    public struct Group: Sendable {
        public let name: String
        /// e.g. `relu`; `nil` for the input.
        public let activation: String?
        public let span: Int
        /// The group's column labels, comma-separated (for Markdown, which has no spanning headers).
        public let labels: String
    }

    /// One column: a neuron's or input's label; `start` marks the first column of a group.
    public struct Column: Sendable {
        public let label: String
        public let start: Bool
    }

    public struct Cell: Sendable {
        public let value: String
        public let start: Bool
    }

    public struct Row: Sendable {
        /// The sample's row in the batch, counted from 0 as the figures (and NumPy) do.
        public let sample: String
        public let cells: [Cell]
        /// The arg-max output's label (empty for single-output networks).
        public let predicted: String
    }

    /// Most rows shown in the page; the rest are in `report.json`.
    public static let maxRows = 20

    public let groups: [Group]
    public let columns: [Column]
    public let rows: [Row]
    /// Whether a class column is present (several outputs).
    public let hasClass: Bool
    /// Samples in the batch and samples shown.
    public let sampleCount: Int
    public let shownCount: Int
    /// Whether some samples are left out of the page.
    public let truncated: Bool
    /// Whether the batch is one sample (for "sample" versus "samples").
    public let single: Bool

    public init(network: Network, trace: Trace) {
        let shown = min(trace.batchSize, BatchTable.maxRows)
        var groups = [Group(name: "input", activation: nil, span: network.inputCount,
                            labels: network.inputLabels.joined(separator: ", "))]
        var columns: [Column] = []
        var matrices = [trace.input]
        var labels = [network.inputLabels]
        for (k, layer) in network.layers.enumerated() {
            groups.append(Group(name: layer.name, activation: layer.activation.rawValue, span: layer.fanOut,
                                labels: layer.neuronLabels.joined(separator: ", ")))
            matrices.append(trace.post[k])
            labels.append(layer.neuronLabels)
        }
        var decimals: [Int] = []
        for (m, names) in zip(matrices, labels) {
            decimals.append(ReportNumber.decimals(for: m.data.prefix(shown * m.cols)))
            columns += names.enumerated().map { Column(label: $0.element, start: $0.offset == 0) }
        }
        let multi = network.outputCount > 1
        var rows: [Row] = []
        for r in 0..<shown {
            var cells: [Cell] = []
            for (g, m) in matrices.enumerated() {
                for (j, v) in m.row(r).enumerated() { cells.append(Cell(value: ReportNumber.fixed(v, decimals[g]), start: j == 0)) }
            }
            let predicted = multi ? network.outputLabels[BatchTable.argmax(trace.output.row(r))] : ""
            rows.append(Row(sample: String(r), cells: cells, predicted: predicted))
        }
        self.groups = groups
        self.columns = columns
        self.rows = rows
        self.hasClass = multi
        self.sampleCount = trace.batchSize
        self.shownCount = shown
        self.truncated = shown < trace.batchSize
        self.single = trace.batchSize == 1
    }

    /// Index of the largest value (the first of ties), as NumPy's `argmax`.
    public static func argmax<C: Collection>(_ values: C) -> Int where C.Element == Double {
        var best = 0, top = -Double.infinity
        for (i, v) in values.enumerated() where v > top || (i == 0) { best = i; top = v }
        return best
    }
}
