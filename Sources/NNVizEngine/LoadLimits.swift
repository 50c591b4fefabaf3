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

    public init(maxParameters: Int = 50_000_000, maxFileBytes: Int = 1 << 30, maxBatchValues: Int = 50_000_000,
                maxLayers: Int = 1000) {
        self.maxParameters = maxParameters
        self.maxFileBytes = maxFileBytes
        self.maxBatchValues = maxBatchValues
        self.maxLayers = maxLayers
    }
}
