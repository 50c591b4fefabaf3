/// What a training run produced: the trained network, one record per epoch from 0, and the requested snapshots.
public struct TrainingResult: Equatable, Sendable {
    public var network: Network
    /// `history[e]` is epoch `e`; `history[0]` the untrained network.
    public var history: [EpochRecord]
    /// In increasing epoch order.
    public var snapshots: [TrainingSnapshot]
    /// The loss that was minimised (given, or chosen from the output layer).
    public var loss: Loss

    public init(network: Network, history: [EpochRecord], snapshots: [TrainingSnapshot], loss: Loss) {
        self.network = network
        self.history = history
        self.snapshots = snapshots
        self.loss = loss
    }

    /// The last record.
    public var final: EpochRecord { history[history.count - 1] }
}
