import NNVizEngine

/// One network to report on: the network, where it came from, its samples and an optional dataset to overlay.
public struct ReportInput: Sendable {
    public var network: Network
    /// NET as given on the command line (a bundled name or a path), shown in the footer and report.json.
    public var source: String
    /// `samples × inputs`; `nil` for a report without a forward pass.
    public var batch: Matrix?
    /// Where the batch came from, e.g. `--random 8 --seed 0` or `--data xor`.
    public var batchSource: String?
    /// The batch in a reader's words (`the 4 xor points`, `10 random samples (seed 0)`): what the page says, since
    /// a page for students names no command-line options. Without it the page falls back to `batchSource`.
    public var batchDescription: String?
    /// Labelled points for the decision-region plot (two-input networks).
    public var dataset: Dataset?
    /// The training run that made `network` (`report --train`): its figures come first, and the others show the
    /// trained network and say so.
    public var training: ReportTraining?
    /// The plane of the decision regions; `nil` draws them for two-input networks only, over inputs 1 and 2.
    public var plane: ReportPlane?

    public init(network: Network, source: String, batch: Matrix? = nil, batchSource: String? = nil, dataset: Dataset? = nil) {
        self.network = network
        self.source = source
        self.batch = batch
        self.batchSource = batchSource
        self.dataset = dataset
    }

    /// Whether the report draws decision regions: a two-input network, or any network given a `plane`.
    public var hasRegions: Bool { network.inputCount == 2 || (plane != nil && network.inputCount > 2) }

    /// The file stems of the figures this report draws, in order.
    public var figureIDs: [String] {
        var ids = (training?.figureIDs ?? []) + ["diagram"]
        if let b = batch, b.rows > 0 { ids.append("activations") }
        ids.append("weights")
        if hasRegions { ids.append("regions") }
        if let b = batch, b.rows > 0 { ids.append("neuron") }
        if !ReportFigures.curveActivations(network).isEmpty { ids.append("activation-functions") }
        return ids
    }
}
