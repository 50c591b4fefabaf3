/// Numbers as nnviz reads them everywhere — specs, batches, datasets and command-line values alike: decimal
/// notation (`-0.5`, `3e-4`, `.25`), finite; never hexadecimal (`0x1p3`), `nan` or `inf`.
public enum DecimalNumber {
    /// The finite value of decimal `text` (spaces around it allowed), or nil.
    public static func finite<S: StringProtocol>(_ text: S) -> Double? {
        let t = Substring(text).trimmingWhitespace
        guard !t.isEmpty, t.utf8.allSatisfy({ c in
            (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
        }), let v = Double(t), v.isFinite else { return nil }
        return v
    }
}
