#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An sRGB colour with straight (not premultiplied) alpha, each channel in 0…1.
public struct Color: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// A colour from `#rrggbb` or `#rrggbbaa`; `nil` for anything else.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6 || s.count == 8, let v = UInt32(s, radix: 16) else { return nil }
        let full = s.count == 6 ? (v << 8) | 0xFF : v
        self.init(r: Double((full >> 24) & 0xFF) / 255, g: Double((full >> 16) & 0xFF) / 255,
                  b: Double((full >> 8) & 0xFF) / 255, a: Double(full & 0xFF) / 255)
    }

    /// `#rrggbb` (alpha left out).
    public var hex: String {
        func h(_ x: Double) -> String {
            let v = Int((max(0, min(1, x)) * 255).rounded())
            let s = String(v, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(r) + h(g) + h(b)
    }

    public var description: String { a == 1 ? hex : "\(hex)@\(a)" }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color { Color(r: r, g: g, b: b, a: alpha) }

    /// Linear interpolation between two colours, `t` in 0…1.
    public static func mix(_ x: Color, _ y: Color, _ t: Double) -> Color {
        Color(r: x.r + (y.r - x.r) * t, g: x.g + (y.g - x.g) * t, b: x.b + (y.b - x.b) * t, a: x.a + (y.a - x.a) * t)
    }

    /// Relative luminance (WCAG), for choosing legible text on a fill.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 1, g: 1, b: 1)
    public static let clear = Color(r: 0, g: 0, b: 0, a: 0)
}
