/// The plane a report's decision-region figure shows: the two inputs that vary (0-based) and the value every input
/// is held at off the axes (`slice`, one per input). Gives a network of more than two inputs its regions figure
/// (`report --axes 3,4 --slice 5.8,3.0` for iris).
public struct ReportPlane: Sendable, Equatable {
    public var x: Int
    public var y: Int
    /// One value per input; the entries of `x` and `y` are ignored.
    public var slice: [Double]

    public init(x: Int, y: Int, slice: [Double]) {
        self.x = x; self.y = y; self.slice = slice
    }
}
