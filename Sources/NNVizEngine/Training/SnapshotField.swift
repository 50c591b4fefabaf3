import Dispatch

/// One moment of training as a figure needs it: the snapshot's network, its output over a grid of two inputs,
/// and its forward pass on the data (for the misclassified marks).
public struct SnapshotField: Sendable {
    public let epoch: Int
    public let network: Network
    public let field: GridField
    /// The data run through `network`; nil without data or when the forward pass overflowed.
    public let trace: Trace?

    public init(epoch: Int, network: Network, field: GridField, trace: Trace?) {
        self.epoch = epoch; self.network = network; self.field = field; self.trace = trace
    }

    /// Every snapshot evaluated over the same grid (inputs 0 and 1, the others at 0) and on `data`, the
    /// snapshots spread over the cores. Each result lands in its own slot and every value is computed as a single
    /// `evaluateGrid` would, so the output never depends on the scheduling.
    public static func evaluate(_ snapshots: [TrainingSnapshot], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                                resolution: Int, data: Matrix?) -> [SnapshotField] {
        let slots = SnapshotSlots(count: snapshots.count)
        DispatchQueue.concurrentPerform(iterations: snapshots.count) { i in
            let s = snapshots[i]
            let field = s.network.evaluateGrid(axes: (0, 1), xRange: xRange, yRange: yRange, resolution: resolution,
                                               hiddenResolution: 0)
            let trace = data.flatMap { d in try? s.network.forward(d) }
            slots.store(SnapshotField(epoch: s.epoch, network: s.network, field: field, trace: trace), at: i)
        }
        return slots.values
    }
}

/// Result slots written by the workers of `SnapshotField.evaluate`, one slot each, under a lock.
private final class SnapshotSlots: @unchecked Sendable {
    private var slots: [SnapshotField?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = [SnapshotField?](repeating: nil, count: count) }

    func store(_ value: SnapshotField, at i: Int) {
        lock.wait(); slots[i] = value; lock.signal()
    }

    var values: [SnapshotField] { slots.compactMap { $0 } }
}
