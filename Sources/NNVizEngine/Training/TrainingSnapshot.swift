/// The network as it stood after `epoch` epochs (0: before training).
public struct TrainingSnapshot: Equatable, Sendable {
    public var epoch: Int
    public var network: Network

    public init(epoch: Int, network: Network) {
        self.epoch = epoch
        self.network = network
    }
}
