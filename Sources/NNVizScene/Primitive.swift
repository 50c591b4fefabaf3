/// A path outline: moves, straight segments, cubic curves, closes.
public struct Path: Equatable, Sendable {
    public enum Element: Equatable, Sendable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
    }
    public var elements: [Element]
    public init(_ elements: [Element] = []) { self.elements = elements }
    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func curve(to p: Point, c1: Point, c2: Point) { elements.append(.curve(c1, c2, p)) }
    public mutating func close() { elements.append(.close) }
}

/// A grid of RGBA8 pixels (straight alpha, row-major, top row first), drawn scaled into a rectangle.
public struct Raster: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: r, g, b, a.
    public var pixels: [UInt8]
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "Raster size mismatch")
        self.width = width; self.height = height; self.pixels = pixels
    }
    /// The colour of pixel (x, y).
    public func color(x: Int, y: Int) -> Color {
        let i = (y * width + x) * 4
        return Color(r: Double(pixels[i]) / 255, g: Double(pixels[i + 1]) / 255,
                     b: Double(pixels[i + 2]) / 255, a: Double(pixels[i + 3]) / 255)
    }
}

/// Many independent straight segments, each with its own colour and width: the edges of a dense layer.
///
/// Painters may draw these faster than one stroke each (a raster painter composites them itself).
public struct LineBatch: Equatable, Sendable {
    /// x0, y0, x1, y1 per segment.
    public var coordinates: [Double]
    public var colors: [Color]
    public var widths: [Double]
    public init(coordinates: [Double] = [], colors: [Color] = [], widths: [Double] = []) {
        self.coordinates = coordinates; self.colors = colors; self.widths = widths
    }
    public var count: Int { colors.count }
    public mutating func append(from a: Point, to b: Point, color: Color, width: Double) {
        coordinates += [a.x, a.y, b.x, b.y]
        colors.append(color)
        widths.append(width)
    }
    public func segment(_ i: Int) -> (from: Point, to: Point) {
        (Point(coordinates[4 * i], coordinates[4 * i + 1]), Point(coordinates[4 * i + 2], coordinates[4 * i + 3]))
    }
}

/// One drawable thing. Style travels with the primitive; painters keep no mode.
public enum Primitive: Equatable, Sendable {
    case line(from: Point, to: Point, stroke: Stroke)
    case circle(center: Point, radius: Double, fill: Color?, stroke: Stroke?)
    case rect(Rect, fill: Color?, stroke: Stroke?, cornerRadius: Double)
    /// One line of text; `rotation` is in degrees, clockwise on screen (y grows down), about `at`.
    /// `anchor`/`baseline` place the advance box: `.top`/`.bottom` use the font's ascent/descent, not the ink.
    case text(String, at: Point, font: Font, color: Color, anchor: TextAnchor, baseline: TextBaseline, rotation: Double)
    /// Pixels scaled into `frame`; `smooth: false` keeps nearest-neighbour cells crisp.
    case raster(Raster, frame: Rect, smooth: Bool)
    case path(Path, fill: Color?, stroke: Stroke?)
    case lines(LineBatch)
}

/// A primitive with what it means: `role` names the kind (`edge`, `node`, `legend`, …) and `name` the instance.
public struct Item: Equatable, Sendable {
    public var primitive: Primitive
    public var role: String
    public var name: String
    public init(_ primitive: Primitive, role: String, name: String = "") {
        self.primitive = primitive; self.role = role; self.name = name
    }
}
