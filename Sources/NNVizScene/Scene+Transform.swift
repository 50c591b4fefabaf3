extension Scene {
    /// The scene magnified by `factor` about the origin (text, strokes, radii and dashes too) on a canvas of
    /// `width` × `height`: how a figure laid out in its own units is drawn at another size.
    public func scaled(by factor: Double, width: Double, height: Double) -> Scene {
        var out = Scene(width: width, height: height, background: background)
        out.items.reserveCapacity(items.count)
        for item in items {
            out.items.append(Item(item.primitive.transformed(factor: factor), role: item.role, name: item.name))
        }
        return out
    }
}
