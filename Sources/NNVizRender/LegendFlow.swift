import NNVizScene

/// Lays legend blocks out left to right, wrapping to a new row when the next block would not fit.
public struct LegendFlow {
    /// A block: its size, and how to draw it with its top-left corner at a point.
    public struct Block {
        public let width: Double
        public let height: Double
        public let draw: (inout SceneBuilder, Point) -> Void
        public init(width: Double, height: Double, draw: @escaping (inout SceneBuilder, Point) -> Void) {
            self.width = width; self.height = height; self.draw = draw
        }
    }

    public var blocks: [Block] = []
    public let gap: Double

    public init(gap: Double = 28) { self.gap = gap }

    public mutating func append(_ b: Block) { blocks.append(b) }

    /// The height the blocks need when wrapped at `maxWidth`.
    public func height(maxWidth: Double) -> Double { rows(maxWidth).reduce(0) { $0 + $1.height } + Double(Swift.max(0, rows(maxWidth).count - 1)) * 12 }

    /// The widest row when wrapped at `maxWidth`.
    public func width(maxWidth: Double) -> Double { rows(maxWidth).map(\.width).max() ?? 0 }

    func rows(_ maxWidth: Double) -> [(indices: [Int], width: Double, height: Double)] {
        var out: [(indices: [Int], width: Double, height: Double)] = []
        var cur: [Int] = [], w = 0.0, h = 0.0
        for (i, b) in blocks.enumerated() {
            let nw = cur.isEmpty ? b.width : w + gap + b.width
            if !cur.isEmpty && nw > maxWidth {
                out.append((cur, w, h)); cur = [i]; w = b.width; h = b.height
            } else {
                cur.append(i); w = nw; h = Swift.max(h, b.height)
            }
        }
        if !cur.isEmpty { out.append((cur, w, h)) }
        return out
    }

    /// Draws the rows starting at `origin`, each row centred within `maxWidth` when `center` is set.
    public func draw(into b: inout SceneBuilder, at origin: Point, maxWidth: Double, center: Bool = false) {
        var y = origin.y
        for row in rows(maxWidth) {
            var x = origin.x + (center ? Swift.max(0, (maxWidth - row.width) / 2) : 0)
            for i in row.indices {
                blocks[i].draw(&b, Point(x, y))
                x += blocks[i].width + gap
            }
            y += row.height + 12
        }
    }
}
