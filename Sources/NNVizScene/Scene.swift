/// A figure as plain values: a canvas size, a background and primitives painted in order.
///
/// Figures build scenes; a painter turns a scene into PNG, SVG or PDF. Tests inspect scenes directly.
public struct Scene: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public var background: Color
    /// Painted first to last.
    public var items: [Item]

    public init(width: Double, height: Double, background: Color = .white, items: [Item] = []) {
        self.width = width; self.height = height; self.background = background; self.items = items
    }

    public mutating func add(_ primitive: Primitive, role: String, name: String = "") {
        items.append(Item(primitive, role: role, name: name))
    }

    /// Items of one role, in painting order.
    public func items(role: String) -> [Item] { items.filter { $0.role == role } }

    /// The first item with this role and name.
    public func item(role: String, name: String) -> Item? {
        items.first { $0.role == role && $0.name == name }
    }

    /// Every text string in the scene, in painting order.
    public var texts: [String] {
        items.compactMap { if case .text(let s, _, _, _, _, _, _) = $0.primitive { return s } else { return nil } }
    }
}
