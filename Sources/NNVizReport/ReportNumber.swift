/// Locale-independent number text for tables and captions, with the typographic minus sign (U+2212).
enum ReportNumber {
    static let minus = "\u{2212}"

    /// `v` with exactly `decimals` digits after the point; negative zero after rounding prints as `0.000`.
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "∞" : minus + "∞" }
        let d = max(0, min(decimals, 9))
        var p = 1.0
        for _ in 0..<d { p *= 10 }
        let scaled = (abs(v) * p).rounded()
        guard scaled < 9.0e15 else { return (v < 0 ? minus : "") + abs(v).description }
        let n = UInt64(scaled), ip = UInt64(p)
        var s = String(n / ip)
        if d > 0 {
            var frac = String(n % ip)
            while frac.count < d { frac = "0" + frac }
            s += "." + frac
        }
        return (v < 0 && n != 0 ? minus : "") + s
    }

    /// `v` with at most `decimals` digits, trailing zeros dropped: `1`, `−0.5`, `0.123`.
    static func short(_ v: Double, _ decimals: Int = 3) -> String {
        var s = fixed(v, decimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// Whole numbers with thin grouping for readability: `109184` → `109 184`.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return (n < 0 ? minus : "") + digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{202F}") }
            out.append(c)
        }
        return (n < 0 ? minus : "") + out
    }

    /// Decimals for a column of values: none when every value is a whole number (step outputs, 0/1 inputs), else 3.
    static func decimals<S: Sequence>(for values: S) -> Int where S.Element == Double {
        for v in values where v.isFinite && (v != v.rounded() || abs(v) >= 1e9) { return 3 }
        return 0
    }
}
