/// Strict UTF-8 decoding (nil for any invalid sequence) on every platform nnviz declares: the standard library's
/// `String(validating:as:)` where it exists (Swift 6 runtimes: Linux, macOS 15), a decode-and-compare elsewhere.
public enum StrictUTF8 {
    /// The text `bytes` spell in UTF-8, or nil when they are not valid UTF-8.
    public static func decode<C: Collection<UInt8>>(_ bytes: C) -> String? {
        if #available(macOS 15.0, *) { return String(validating: bytes, as: UTF8.self) }
        let s = String(decoding: bytes, as: UTF8.self)
        return s.utf8.elementsEqual(bytes) ? s : nil
    }
}
