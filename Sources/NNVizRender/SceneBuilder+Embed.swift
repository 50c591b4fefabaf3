import NNVizScene

extension SceneBuilder {
    /// Adds every item of `scene` (a figure laid out on its own) moved by `offset`, keeping roles and names;
    /// its background is not painted (the host's shows through).
    public mutating func embed(_ scene: Scene, at offset: Point) {
        for item in scene.items {
            add(item.primitive.transformed(factor: 1, dx: offset.x, dy: offset.y), role: item.role, name: item.name)
        }
    }
}
