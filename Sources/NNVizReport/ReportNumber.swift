import NNVizRender

/// Locale-independent number text for tables and captions, with the typographic minus sign (U+2212); fixed
/// decimals come from the figures' `LabelFormat`, so a table and its figure print a value alike.
enum ReportNumber {
    /// `v` with at most `decimals` digits, trailing zeros dropped: `1`, `−0.5`, `0.123`.
    static func short(_ v: Double, _ decimals: Int = 3) -> String {
        LabelFormat.short(v, decimals)
    }

    /// Decimals for a column of values: none when every value is a whole number (step outputs, 0/1 inputs), else 3.
    static func decimals<S: Sequence>(for values: S) -> Int where S.Element == Double {
        for v in values where v.isFinite && (v != v.rounded() || abs(v) >= 1e9) { return 3 }
        return 0
    }
}
