import NNVizScene

// The named visual encodings every figure shares, defined once so the diagram, the heatmaps and the
// region plots agree on what blue means: weight signs in TensorFlow Playground's blue (positive) and orange
// (negative), which students may know and which stay distinct with the common colour-vision deficiencies; classes
// in the Okabe–Ito palette for the same reason; viridis for magnitudes (uniform in lightness, legible in grey);
// a diverging orange–white–blue map for signed values, so a map's sides match the edge colours.

/// Named colours: weight signs, the Okabe–Ito class palette and the text shades used on sign colours.
public enum Palette {
    /// Positive weights and biases (TensorFlow Playground's blue).
    public static let positive = Color(hex: "#0877bd")!
    /// Negative weights and biases (TensorFlow Playground's orange).
    public static let negative = Color(hex: "#f59322")!
    /// Weights too small to call either sign.
    public static let neutral = Color(hex: "#b8bcbf")!
    /// Darker sign shades for text on light backgrounds (the plain orange is too pale to read).
    public static let positiveText = Color(hex: "#0868a8")!
    public static let negativeText = Color(hex: "#a65005")!
    /// Lighter sign shades for text on dark backgrounds.
    public static let positiveTextDark = Color(hex: "#6cb6e8")!
    public static let negativeTextDark = Color(hex: "#f7b267")!

    /// The class colours: six colours, Okabe–Ito's orange first, chosen so that every pair stays at least
    /// ΔE2000 = 20 apart for normal vision and under simulated protanopia, deuteranopia and tritanopia (Machado et
    /// al. 2009; `ColorVisionTests` measures it). The full Okabe–Ito set does not: its orange and yellow come within
    /// ΔE2000 ≈ 12 under deuteranopia. Classes beyond six repeat the colours; their markers differ in shape.
    public static let classes: [Color] = ["#E69F00", "#66CCEE", "#117733", "#AA3377", "#785EF0", "#000000"].map { Color(hex: $0)! }

    /// The colour of class `k` (cycling after six classes).
    public static func classColor(_ k: Int) -> Color { classes[((k % classes.count) + classes.count) % classes.count] }

    /// The sign colour of a value (neutral for zero).
    public static func signColor(_ v: Double) -> Color { v > 0 ? positive : (v < 0 ? negative : neutral) }
}

/// A continuous colour map: anchors evenly spaced over 0…1, interpolated linearly in sRGB.
public struct ColorMap: Sendable, Equatable {
    public let name: String
    let anchors: [Color]

    public init(name: String, anchors: [Color]) {
        precondition(anchors.count >= 2, "A colour map needs two anchors")
        self.name = name
        self.anchors = anchors
    }

    /// The colour at `t` (clamped to 0…1; NaN maps to the middle).
    @inline(__always)
    public func color(at t: Double) -> Color {
        let u = t.isNaN ? 0.5 : Swift.min(1, Swift.max(0, t))
        let x = u * Double(anchors.count - 1)
        let i = Swift.min(Int(x), anchors.count - 2)
        return Color.mix(anchors[i], anchors[i + 1], x - Double(i))
    }

    /// Matplotlib's viridis (CC0), sampled at 33 points: perceptually uniform, legible in greyscale.
    public static let viridis = ColorMap(name: "viridis", anchors: [
        0x440154, 0x470d60, 0x48186a, 0x482374, 0x472d7b, 0x453781, 0x424086, 0x3e4989, 0x3b528b,
        0x375b8d, 0x33638d, 0x2f6b8e, 0x2c728e, 0x297a8e, 0x26828e, 0x23898e, 0x21918c, 0x1f988b,
        0x1fa088, 0x22a785, 0x28ae80, 0x32b67a, 0x3fbc73, 0x4ec36b, 0x5ec962, 0x70cf57, 0x84d44b,
        0x98d83e, 0xaddc30, 0xc2df23, 0xd8e219, 0xece51b, 0xfde725,
    ].map(ColorMap.rgb))

    /// Orange (negative) – near-white – blue (positive): ColorBrewer's PuOr orange arm and RdBu blue arm,
    /// so the two sides match the weight sign colours and have matching lightness steps.
    public static let orangeBlue = ColorMap(name: "orange-blue", anchors: [
        0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac,
    ].map(ColorMap.rgb))

    /// `orangeBlue` lifted 35 % towards white: region fields, so data points on them keep their contrast.
    public static let orangeBlueLight = ColorMap(name: "orange-blue-light",
                                                 anchors: ColorMap.orangeBlue.anchors.map { Color.mix($0, .white, 0.35) })

    /// Decision-region fields for greyscale print: light on the class-0 side, dark on the class-1 side (lightness
    /// 87–97 below the centre, falling to 42 above it), still orange and blue in colour.
    public static let printRegions = ColorMap(name: "print-regions", anchors: [
        0xfdd49e, 0xfee8c8, 0xf7f7f7, 0x92c5de, 0x2166ac,
    ].map(ColorMap.rgb))

    static func rgb(_ v: Int) -> Color {
        Color(r: Double((v >> 16) & 0xFF) / 255, g: Double((v >> 8) & 0xFF) / 255, b: Double(v & 0xFF) / 255)
    }
}

/// A value-to-colour scale: a colour map over a domain, sequential or diverging around a centre.
///
/// A constant domain (all values equal) is widened so nothing divides by zero.
public struct ColorScale: Sendable, Equatable {
    public let map: ColorMap
    public let lower: Double
    public let upper: Double
    /// The neutral value of a diverging scale (`nil` for sequential scales).
    public let center: Double?
    /// What the scale shows, for its colour bar, e.g. `activation`.
    public var label: String

    /// A sequential scale over `lower…upper` (viridis by default).
    public static func sequential(_ lower: Double, _ upper: Double, map: ColorMap = .viridis, label: String = "") -> ColorScale {
        var lo = lower.isFinite ? lower : 0, hi = upper.isFinite ? upper : 1
        if hi < lo { swap(&lo, &hi) }
        if hi - lo < 1e-12 { (lo, hi) = lo == 0 ? (0, 1) : (Swift.min(0, lo), Swift.max(0, hi)) }
        if hi - lo < 1e-12 { hi = lo + 1 }
        return ColorScale(map: map, lower: lo, upper: hi, center: nil, label: label)
    }

    /// A diverging scale centred on `center` with symmetric limits `center ± halfRange`.
    public static func diverging(center: Double, halfRange: Double, map: ColorMap = .orangeBlue, label: String = "") -> ColorScale {
        let h = halfRange.isFinite && halfRange > 1e-12 ? halfRange : 1
        return ColorScale(map: map, lower: center - h, upper: center + h, center: center, label: label)
    }

    /// A diverging scale around `center` wide enough for every value given, its limits rounded out to a
    /// 1-2-5 step so the colour bar ends on labelled values.
    public static func diverging<S: Sequence>(center: Double, covering values: S, map: ColorMap = .orangeBlue,
                                              label: String = "") -> ColorScale where S.Element == Double {
        var m = 0.0
        for v in values where v.isFinite { m = Swift.max(m, abs(v - center)) }
        return diverging(center: center, halfRange: niceCeiling(m), map: map, label: label)
    }

    /// `v` rounded up to a multiple of a 1-2-5 step (about four steps up to it); 0 stays 0.
    public static func niceCeiling(_ v: Double) -> Double {
        guard v.isFinite, v > 0 else { return 0 }
        let step = NiceTicks(0, v, target: 4).step
        return step * (v / step - 1e-9).rounded(.up)
    }

    /// Position of `v` along the scale, 0…1 (clamped).
    public func position(_ v: Double) -> Double {
        Swift.min(1, Swift.max(0, (v - lower) / (upper - lower)))
    }

    @inline(__always)
    public func color(_ v: Double) -> Color { map.color(at: position(v)) }
}

/// Weight → colour (by sign), stroke width and opacity (by |w| / max|w|), shared by diagrams and legends.
public struct WeightScale: Sendable, Equatable {
    /// The largest |w| the scale represents; larger values are clamped.
    public let maxAbs: Double
    public let minWidth: Double
    public let maxWidth: Double
    public let minOpacity: Double
    public let maxOpacity: Double
    /// |w| / max|w| below which a weight is drawn neutral grey.
    public let neutralFraction: Double
    /// The sign colours, shaded for the background (`themed`): TensorFlow Playground's hues by default.
    public var positive = Palette.positive
    public var negative = Palette.negative

    public init(maxAbs: Double, minWidth: Double = 0.8, maxWidth: Double = 7, minOpacity: Double = 0.35,
                maxOpacity: Double = 0.95, neutralFraction: Double = 0.02) {
        self.maxAbs = maxAbs.isFinite && maxAbs > 0 ? maxAbs : 1
        self.minWidth = minWidth; self.maxWidth = maxWidth
        self.minOpacity = minOpacity; self.maxOpacity = maxOpacity
        self.neutralFraction = neutralFraction
    }

    /// The scale with `theme`'s sign colours.
    public func themed(_ theme: Theme) -> WeightScale {
        var s = self
        s.positive = theme.edgePositive; s.negative = theme.edgeNegative
        return s
    }

    /// Lighter strokes for a few hundred edges (elided wide layers), so crossings stay readable.
    public static func medium(maxAbs: Double) -> WeightScale {
        WeightScale(maxAbs: maxAbs, minWidth: 0.5, maxWidth: 4, minOpacity: 0.12, maxOpacity: 0.85)
    }

    /// Thin, translucent strokes for thousands of overlapping edges.
    public static func dense(maxAbs: Double) -> WeightScale {
        WeightScale(maxAbs: maxAbs, minWidth: 0.3, maxWidth: 1.6, minOpacity: 0.04, maxOpacity: 0.6)
    }

    /// |w| / max|w| clamped to 0…1.
    @inline(__always)
    public func fraction(_ w: Double) -> Double {
        let t = abs(w) / maxAbs
        return t.isFinite ? Swift.min(1, t) : 1
    }

    @inline(__always)
    public func width(_ w: Double) -> Double { minWidth + (maxWidth - minWidth) * fraction(w) }

    @inline(__always)
    public func opacity(_ w: Double) -> Double { minOpacity + (maxOpacity - minOpacity) * fraction(w) }

    /// The sign colour (neutral grey near zero) with the opacity for |w|.
    @inline(__always)
    public func color(_ w: Double) -> Color {
        let base = fraction(w) < neutralFraction ? Palette.neutral : (w > 0 ? positive : negative)
        return base.withAlpha(opacity(w))
    }
}
