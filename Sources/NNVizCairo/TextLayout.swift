import NNVizScene

/// Where a run of text starts relative to its anchor point, from its advance width and its font's metrics.
///
/// Vertical placement uses the font's ascent and descent (not the ink of this string), so labels in a row share
/// one baseline whatever their letters: `.top` puts the ascent line at the anchor, `.bottom` the descent line,
/// `.middle` centres the ascent-to-descent box, `.alphabetic` puts the baseline there.
struct TextLayout {
    var advance: Double
    var metrics: (ascent: Double, descent: Double)

    func origin(anchor: TextAnchor, baseline: TextBaseline) -> Point {
        let x: Double
        switch anchor {
        case .start: x = 0
        case .middle: x = -advance / 2
        case .end: x = -advance
        }
        let y: Double
        switch baseline {
        case .top: y = metrics.ascent
        case .middle: y = (metrics.ascent - metrics.descent) / 2
        case .alphabetic: y = 0
        case .bottom: y = -metrics.descent
        }
        return Point(x, y)
    }
}
