import NNVizSystem
/// Reads a `.safetensors` file (`safetensors.torch.save_file(model.state_dict(), …)` or its NumPy form): an 8-byte
/// little-endian header length, a JSON header of names → dtype, shape and data offsets, then raw little-endian data.
///
/// The header length is bounded before the header is read (at most `maxHeaderBytes` and what the file holds); every
/// tensor's offsets must lie inside the data, match its dtype and shape exactly, and not overlap another's.
enum SafetensorsFile {
    /// The safetensors library's own ceiling on the header.
    static let maxHeaderBytes = 100_000_000

    /// Whether `bytes` start like a safetensors file: a plausible header length followed by `{`.
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 9 else { return false }
        let n = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return n >= 2 && n <= UInt64(maxHeaderBytes) && bytes[8] == UInt8(ascii: "{")
    }

    static func load(path: String, bytes: [UInt8], activations: [Activation]?,
                     limits: LoadLimits) throws(NNVizError) -> Network {
        func fail(_ location: String, _ message: String) -> NNVizError { NNVizError(path, location, message) }
        guard bytes.count >= 8 else { throw fail("", "is \(bytes.count) bytes, too short for a safetensors header length") }
        let declared = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard declared <= UInt64(maxHeaderBytes) else {
            throw fail("header", "claims \(declared) bytes, more than the limit of \(maxHeaderBytes)")
        }
        let headerLength = Int(declared)
        guard headerLength <= bytes.count - 8 else {
            throw fail("header", "claims \(headerLength) bytes but only \(bytes.count - 8) follow")
        }
        guard let text = StrictUTF8.decode(bytes[8..<(8 + headerLength)]),
              let root = StrictJSON.parse(text.trimmingTrailingSpaces()), case .mapping(let entries) = root else {
            throw fail("header", "is not a JSON object (damaged or not a safetensors file)")
        }
        let dataStart = 8 + headerLength, dataSize = bytes.count - dataStart
        struct Entry { var key: String; var dtype: TensorDType; var shape: [Int]; var begin: Int; var end: Int }
        var list: [Entry] = []
        for (k, v) in entries {
            guard case .scalar(let key, _) = k else { throw fail("header", "has a key that is not a string") }
            if key == "__metadata__" { continue }
            guard case .mapping(let fields) = v else { throw fail(key, "is not a JSON object in the header") }
            func field(_ name: String) -> SpecValue? { fields.first { if case .scalar(name, _) = $0.key { true } else { false } }?.value }
            guard case .scalar(let dt, _)? = field("dtype") else { throw fail(key, "has no 'dtype'") }
            let dtype: TensorDType
            switch dt {
            case "F64": dtype = .float64
            case "F32": dtype = .float32
            case "F16": dtype = .float16
            case "BF16": dtype = .bfloat16
            default:
                throw fail(key, "has dtype '\(SpecNode.clip(dt))'; weights must be F64, F32, F16 or BF16")
            }
            guard case .sequence(let dims)? = field("shape"),
                  case .sequence(let offs)? = field("data_offsets"), offs.count == 2 else {
                throw fail(key, "has no 'shape' list or no 'data_offsets' pair")
            }
            var shape: [Int] = []
            for d in dims {
                guard case .scalar(let s, true) = d, let n = Int(s), n >= 0 else {
                    throw fail(key, "has a shape entry that is not a non-negative integer")
                }
                shape.append(n)
            }
            var bounds: [Int] = []
            for o in offs {
                guard case .scalar(let s, true) = o, let n = Int(s), n >= 0 else {
                    throw fail(key, "has a data offset that is not a non-negative integer")
                }
                bounds.append(n)
            }
            list.append(Entry(key: key, dtype: dtype, shape: shape, begin: bounds[0], end: bounds[1]))
        }
        try StateDictNetwork.checkSize(list.map { ($0.key, $0.shape) }, path: path, limits: limits)
        for e in list {
            guard e.begin <= e.end, e.end <= dataSize else {
                throw fail(e.key, "data_offsets [\(e.begin), \(e.end)] lie outside the \(dataSize) bytes of data")
            }
            let count = NamedTensor.count(e.shape) ?? 0
            guard e.end - e.begin == count * e.dtype.size else {
                throw fail(e.key, "data_offsets [\(e.begin), \(e.end)] hold \(e.end - e.begin) bytes but shape "
                           + "\(NamedTensor.text(e.shape)) needs \(count * e.dtype.size)")
            }
        }
        let byStart = list.filter { $0.end > $0.begin }.sorted { $0.begin < $1.begin }
        for (a, b) in zip(byStart, byStart.dropFirst()) where b.begin < a.end {
            throw fail(b.key, "data_offsets [\(b.begin), \(b.end)] overlap those of \(a.key) [\(a.begin), \(a.end)]")
        }
        let tensors = bytes.withUnsafeBytes { raw in
            list.map { e in
                NamedTensor(key: e.key, shape: e.shape,
                            values: e.dtype.values(raw, offset: dataStart + e.begin, count: NamedTensor.count(e.shape) ?? 0))
            }
        }
        return try StateDictNetwork.build(tensors, path: path, format: "safetensors (PyTorch state dict)", ordered: false,
                                          activations: activations, limits: limits)
    }
}

extension String {
    /// Without the trailing spaces safetensors pads its header with (to an 8-byte boundary).
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
