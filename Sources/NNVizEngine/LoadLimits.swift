/// Ceilings every loader checks before allocating, so hostile or mistaken inputs fail with a message instead of
/// exhausting memory. The defaults suit course-sized networks; the CLI can raise them.
public struct LoadLimits: Sendable, Equatable {
    /// Most weights plus biases a network may declare (default 50 million).
    public var maxParameters: Int
    /// Largest file a loader reads, in bytes (default 1 GiB).
    public var maxFileBytes: Int
    /// Most values a batch of samples may hold (default 50 million).
    public var maxBatchValues: Int
    /// Most layers a network may have (default 1000).
    public var maxLayers: Int
    /// Most values a forward pass over a batch may hold: samples × (inputs + z and activation of every neuron),
    /// default 100 million (800 MB); the batch limit alone lets a wide network's trace outgrow memory. This is
    /// all `forward` holds of that size: its output is formatted and written a row at a time.
    public var maxTraceValues: Int
    /// Most points a labelled dataset may hold (default: only `maxBatchValues`); figures that draw every point
    /// (`regions`, `report`) pass `defaultMaxPoints`, as each point costs a marker in the scene.
    public var maxPoints: Int

    /// The point limit of the commands that draw datasets (`--max-points`).
    public static let defaultMaxPoints = 100_000

    public init(maxParameters: Int = 50_000_000, maxFileBytes: Int = 1 << 30, maxBatchValues: Int = 50_000_000,
                maxLayers: Int = 1000, maxPoints: Int = .max, maxTraceValues: Int = 100_000_000) {
        self.maxParameters = maxParameters
        self.maxFileBytes = maxFileBytes
        self.maxBatchValues = maxBatchValues
        self.maxLayers = maxLayers
        self.maxPoints = maxPoints
        self.maxTraceValues = maxTraceValues
    }
}
