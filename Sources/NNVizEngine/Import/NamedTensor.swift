/// One tensor of a state dict as a reader found it: its key (`0.weight`, `fc1.bias`), shape and values widened
/// to Double in C order.
struct NamedTensor: Sendable {
    var key: String
    var shape: [Int]
    var values: [Double]

    /// Element count of `shape`, or nil when it overflows or a dimension is negative.
    static func count(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            guard !o else { return nil }
            n = p
        }
        return n
    }

    /// The shape as PyTorch prints it: `(5, 4)`.
    static func text(_ shape: [Int]) -> String { "(" + shape.map(String.init).joined(separator: ", ") + ")" }
}
