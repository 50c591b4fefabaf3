import NNVizEngine

/// Number labels for figures: locale-independent, fixed decimals, a typographic minus sign (U+2212).
public enum LabelFormat {
    /// The minus sign used in every figure (U+2212, as wide as a plus).
    public static let minus = "\u{2212}"

    /// `v` with exactly `decimals` digits (0…12) after the point, e.g. `fixed(-0.5, 2)` is `−0.50`, for figures and
    /// report tables alike: the digits of `NumberFormat.fixed` (correctly rounded from the binary value, as `printf`
    /// and NumPy print it: 2.675 → 2.67, 0.125 → 0.12), so a table and a figure never disagree. Negative zero after
    /// rounding prints as `0.00`; non-finite values print as `nan`, `∞`, `−∞`; a value past exact digits
    /// (|v|·10^decimals ≥ 9·10¹⁵) prints in Swift's shortest form, `1e+16`.
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "∞" : minus + "∞" }
        let d = Swift.max(0, Swift.min(decimals, 12))
        var p = 1.0
        for _ in 0..<d { p *= 10 }
        if (abs(v) * p).rounded() >= 9.0e15 { return (v < 0 ? minus : "") + abs(v).description }
        let text = NumberFormat.fixed(v, decimals: d)
        return text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    /// `v` with at most `decimals` digits after the point, trailing zeros dropped: `trimmed(0.2, 3)` is `0.2`,
    /// `trimmed(-0.18, 3)` is `−0.18`, `trimmed(0.5474, 3)` is `0.547`, `trimmed(2, 3)` is `2`.
    public static func trimmed(_ v: Double, _ decimals: Int) -> String {
        var text = fixed(v, decimals)
        guard v.isFinite, text.contains("."), !text.contains("e") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == minus + "0" ? "0" : text
    }

    /// `v` with at most `decimals` digits, trailing zeros dropped: `1`, `−0.5`, `0.123` (the same as `trimmed`).
    public static func short(_ v: Double, _ decimals: Int = 3) -> String {
        trimmed(v, decimals)
    }

    /// Whole numbers with thin grouping for readability: `109184` → `109 184` (U+202F), four digits and fewer as is.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return (n < 0 ? minus : "") + digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{202F}") }
            out.append(c)
        }
        return (n < 0 ? minus : "") + out
    }

    /// Decimals needed to show multiples of `step` exactly (1-2-5 steps): 0.25 → 2, 0.5 → 1, 2 → 0.
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 2 }
        var d = 0
        var s = step
        while d < 8 && abs(s - s.rounded()) > 1e-6 * Swift.max(1, s) { s *= 10; d += 1 }
        return d
    }

    /// Decimals that show values of magnitude up to `maxAbs` with about three significant digits (2 for 0…10).
    public static func decimals(forMagnitude maxAbs: Double) -> Int {
        if !maxAbs.isFinite || maxAbs == 0 { return 2 }
        if maxAbs >= 100 { return 0 }
        if maxAbs >= 10 { return 1 }
        if maxAbs >= 0.1 { return 2 }
        return 3
    }
}
