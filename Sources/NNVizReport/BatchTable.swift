import NNVizEngine
import NNVizRender

/// The forward pass of the batch as tables: one row per sample with its inputs, every layer's activations and,
/// for networks with several outputs, the arg-max class. Values are rounded for reading (whole numbers without
/// decimals, otherwise three); `report.json` holds them at full precision.
///
/// Layers are packed side by side into `parts` of at most `maxColumns` value columns, so wide networks become
/// several narrow tables instead of one that scrolls; a layer wider than `maxColumns` shows its first and last
/// neurons around a `…` column.
public struct BatchTable: Sendable {
    /// A run of columns belonging to one layer (the input counts as one).
    public struct Group: Sendable {
        public let name: String
        /// e.g. `relu`; `nil` for the input.
        public let activation: String?
        /// Columns shown (including a `…` column when elided).
        public let span: Int
        /// The group's column labels, comma-separated (for Markdown, which has no spanning headers).
        public let labels: String
        /// Whether this is the first group of its table (the Markdown list puts "; " before the others).
        public let first: Bool
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

    /// One table of the page: some layers side by side.
    public struct Part: Sendable {
        public let groups: [Group]
        public let columns: [Column]
        public let rows: [Row]
        /// Whether this part ends with the class column.
        public let hasClass: Bool
    }

    /// Most rows shown in the page; the rest are in `report.json`.
    public static let maxRows = 20
    /// Most value columns in one table.
    public static let maxColumns = 12

    public let parts: [Part]
    /// Whether the network has several outputs (and the tables a class column).
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
        let multi = network.outputCount > 1
        var names = ["input"], activations: [String?] = [nil], matrices = [trace.input], labels = [network.inputLabels]
        for (k, layer) in network.layers.enumerated() {
            names.append(layer.name)
            activations.append(layer.activation.label)
            matrices.append(trace.post[k])
            labels.append(layer.neuronLabels)
        }
        // Which columns each group shows; -1 is the `…` column of an elided layer.
        let picks: [[Int]] = matrices.map { m in
            m.cols <= BatchTable.maxColumns ? Array(0..<m.cols) : Array(0..<6) + [-1] + Array((m.cols - 3)..<m.cols)
        }
        let decimals = matrices.map { ReportNumber.decimals(for: $0.data.prefix(shown * $0.cols)) }
        var packs: [[Int]] = [[]]
        var width = 0
        for g in matrices.indices {
            if width + picks[g].count > BatchTable.maxColumns && !(packs.last ?? []).isEmpty {
                packs.append([])
                width = 0
            }
            packs[packs.count - 1].append(g)
            width += picks[g].count
        }
        parts = packs.map { pack in
            var groups: [Group] = [], columns: [Column] = []
            for g in pack {
                let shownLabels = picks[g].map { $0 < 0 ? "…" : labels[g][$0] }
                groups.append(Group(name: names[g], activation: activations[g], span: picks[g].count,
                                    labels: shownLabels.joined(separator: ", "), first: groups.isEmpty))
                columns += shownLabels.enumerated().map { Column(label: $0.element, start: $0.offset == 0) }
            }
            let withClass = multi && pack.last == matrices.count - 1
            let rows = (0..<shown).map { r in
                var cells: [Cell] = []
                for g in pack {
                    for (i, j) in picks[g].enumerated() {
                        cells.append(Cell(value: j < 0 ? "…" : LabelFormat.fixed(matrices[g][r, j], decimals[g]), start: i == 0))
                    }
                }
                return Row(sample: String(r), cells: cells,
                           predicted: withClass ? network.outputLabels[DecisionRule.argmax(trace.output.row(r))] : "")
            }
            return Part(groups: groups, columns: columns, rows: rows, hasClass: withClass)
        }
        hasClass = multi
        sampleCount = trace.batchSize
        shownCount = shown
        truncated = shown < trace.batchSize
        single = trace.batchSize == 1
    }
}
