/// A JSON list of plain numbers read straight into doubles by `StrictJSON`, with where each was written, so a
/// reader that wants the text (a label, a whole number, an error message) gets exactly the scalar YAML would give.
struct NumberList {
    /// The values, all finite (a list holding anything else is read item by item instead).
    let values: [Double]
    /// The document the numbers were read from.
    let document: String
    /// Byte offsets into `document`: item k spans `spans[2k]..<spans[2k + 1]`.
    let spans: [UInt32]

    var count: Int { values.count }

    /// Item `k` as the plain scalar YAML reads.
    func scalar(_ k: Int) -> SpecValue {
        let utf8 = document.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: Int(spans[2 * k]))
        let hi = utf8.index(utf8.startIndex, offsetBy: Int(spans[2 * k + 1]))
        return .scalar(String(decoding: utf8[lo..<hi], as: UTF8.self), plain: true)
    }

    /// Every item as a plain scalar.
    var scalars: [SpecValue] { (0..<count).map(scalar) }
}
