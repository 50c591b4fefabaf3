import ArgumentParser

/// A figure side as the command line gives it: a number of px (points in PDF and SVG), or a physical length with
/// its unit (`85mm`, `8.5cm`, `3.3in`, `240pt`, `640px`), kept as written for the SVG root and converted to points
/// (1/72 in) for the layout, so PDF, SVG and PNG (at `--scale` × 72 dpi) print at the same size.
struct Length: ExpressibleByArgument, Equatable {
    /// The number as written.
    let value: Double
    /// The unit as written (`mm`, `cm`, `in`, `pt`, `px`), or empty for a bare number.
    let unit: String

    static let pointsPerUnit: [String: Double] = ["": 1, "px": 1, "pt": 1, "in": 72, "mm": 72 / 25.4, "cm": 72 / 2.54]

    init?(argument: String) {
        let text = argument.lowercased()
        let unit = String(text.reversed().prefix { $0.isLetter }.reversed())
        let number = String(text.dropLast(unit.count)).trimmingCharacters()
        guard Length.pointsPerUnit[unit] != nil, let v = Double(number), v.isFinite else { return nil }
        value = v
        self.unit = unit
    }

    /// The length in points (scene units).
    var points: Double { value * (Length.pointsPerUnit[unit] ?? 1) }

    /// Whether a physical unit was given (print sizes).
    var isPhysical: Bool { ["mm", "cm", "in", "pt"].contains(unit) }

    /// As the SVG root's `width`/`height` writes it: the number and unit given (`85mm`), points for a bare number.
    var svgText: String {
        let u = unit.isEmpty || unit == "px" ? "pt" : unit
        return (value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)) + u
    }

    static var defaultValueDescription: String { "automatic" }
}
