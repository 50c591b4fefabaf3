import NNVizSystem

/// Text as a figure draws and measures it: line breaks (`\r\n` as one), tabs and the line and paragraph separators
/// become spaces; other control characters (C0, DEL, C1), the bidi controls and NUL (which would end the C string
/// Cairo reads) are dropped, so a spec name cannot draw control glyphs, reorder a label or cut it short.
///
/// The characters are `NNVizSystem.UnsafeScalars`, the set every output uses.
public enum DrawableText {
    /// Whether `u` is never drawn as it is.
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool { UnsafeScalars.contains(u) }

    /// `text` with unsafe scalars replaced (spacing ones) or dropped; unchanged when it holds none.
    public static func of(_ text: String) -> String { UnsafeScalars.stripped(text) }
}
