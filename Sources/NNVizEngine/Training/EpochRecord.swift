/// The loss and accuracy after one epoch (epoch 0: the untrained network), on the training rows and, when some
/// were held out, on the validation rows.
public struct EpochRecord: Equatable, Sendable {
    public var epoch: Int
    public var loss: Double
    /// Fraction of training rows classified correctly, 0…1.
    public var accuracy: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?

    public init(epoch: Int, loss: Double, accuracy: Double, validationLoss: Double? = nil, validationAccuracy: Double? = nil) {
        self.epoch = epoch
        self.loss = loss
        self.accuracy = accuracy
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
    }
}
