/// A walk over an ONNX file's protobuf wire format, before SwiftProtobuf decodes it, that bounds what decoding
/// would allocate.
///
/// Decoding is bounded by the file (every byte is read once), but not its memory: a 2-byte empty message becomes a
/// struct of a hundred bytes, a 1-byte varint an 8-byte integer. The scan follows exactly the message fields of
/// nnviz's trimmed `onnx.proto` (the schema has no cycles, so its depth is at most seven) and counts the messages
/// and strings decoding would make and the repeated integers it would widen; unknown fields, which decoding
/// discards, are only skipped. It also finds truncated fields and bad wire types, so those are named plainly.
struct ONNXWireScan {
    /// Most messages and strings a model may hold: nnviz's networks have at most a few thousand nodes of a few
    /// inputs and attributes each; a million is far beyond any of them and at most a few hundred MB decoded.
    static let maxItems = 1_000_000

    /// Messages plus strings seen.
    private(set) var items = 0
    /// Repeated integers seen (the float16 `int32_data` of a large model is the legitimate bulk of these).
    private(set) var integers = 0
    /// The error, if the bytes are not a protobuf of this shape.
    private(set) var problem: String?

    /// The message kinds of the trimmed schema, each with the field numbers that hold messages of a kind.
    enum Kind {
        case model, graph, node, attribute, tensor, segment, entry, sparse, valueInfo, type, typeTensor, shape, dimension,
             opset

        /// The message kind of field `number`, or nil when it holds a scalar, bytes or is unknown.
        func child(_ number: UInt64) -> Kind? {
            switch (self, number) {
            case (.model, 7): return .graph
            case (.model, 8): return .opset
            case (.graph, 1): return .node
            case (.graph, 5): return .tensor
            case (.graph, 15): return .sparse
            case (.graph, 11), (.graph, 12): return .valueInfo
            case (.node, 5): return .attribute
            case (.attribute, 5): return .tensor
            case (.tensor, 3): return .segment
            case (.tensor, 13): return .entry
            case (.sparse, 1), (.sparse, 2): return .tensor
            case (.valueInfo, 2): return .type
            case (.type, 1): return .typeTensor
            case (.typeTensor, 2): return .shape
            case (.shape, 1): return .dimension
            default: return nil
            }
        }

        /// Whether field `number` is a string or bytes that decoding keeps (known to the schema).
        func keepsBytes(_ number: UInt64) -> Bool {
            switch (self, number) {
            case (.model, 2), (.model, 3), (.graph, 2), (.node, 1), (.node, 2), (.node, 3), (.node, 4), (.node, 7),
                 (.attribute, 1), (.attribute, 4), (.attribute, 21), (.tensor, 8), (.tensor, 9), (.entry, 1),
                 (.entry, 2), (.valueInfo, 1), (.dimension, 2), (.opset, 1):
                return true
            default: return false
            }
        }

        /// Whether field `number` is a repeated integer (packed or not) that decoding widens.
        func repeatedInteger(_ number: UInt64) -> Bool {
            switch (self, number) {
            case (.attribute, 8), (.tensor, 1), (.tensor, 5), (.sparse, 3): return true
            default: return false
            }
        }
    }

    /// Scans `bytes` as a ModelProto; `problem` is set when they are not one, or would decode to too much.
    init(_ bytes: UnsafeRawBufferPointer, maxIntegers: Int) {
        scan(bytes, from: 0, to: bytes.count, kind: .model, maxIntegers: maxIntegers)
    }

    private mutating func scan(_ b: UnsafeRawBufferPointer, from start: Int, to end: Int, kind: Kind, maxIntegers: Int) {
        var p = start
        while p < end, problem == nil {
            let fieldStart = p
            guard let key = Self.varint(b, &p, end), key >> 3 > 0 else {
                problem = "byte \(fieldStart): is not a protobuf field (damaged, truncated or not an ONNX file)"
                return
            }
            let number = key >> 3
            switch key & 7 {
            case 0:
                guard Self.varint(b, &p, end) != nil else { problem = "byte \(fieldStart): ends inside a number (truncated?)"; return }
                if kind.repeatedInteger(number) { integers += 1 }
            case 1, 5:
                let size = key & 7 == 1 ? 8 : 4
                guard end - p >= size else { problem = "byte \(fieldStart): ends inside a number (truncated?)"; return }
                p += size
                if kind.repeatedInteger(number) { integers += 1 }
            case 2:
                guard let n = Self.varint(b, &p, end), n <= UInt64(end - p) else {
                    problem = "byte \(fieldStart): a field claims more bytes than the file holds (truncated?)"
                    return
                }
                let stop = p + Int(n)
                if let child = kind.child(number) {
                    items += 1
                    scan(b, from: p, to: stop, kind: child, maxIntegers: maxIntegers)
                } else if kind.repeatedInteger(number) {
                    // Packed: one integer per byte without its continuation bit.
                    for i in p..<stop where b[i] & 0x80 == 0 { integers += 1 }
                } else if kind.keepsBytes(number) {
                    items += 1
                }
                p = stop
            default:
                problem = "byte \(fieldStart): has wire type \(key & 7), which ONNX does not use (damaged or not an ONNX file)"
                return
            }
            if items > Self.maxItems {
                problem = "holds more than \(Self.maxItems) messages and names; nnviz reads networks of dense layers"
            } else if integers > maxIntegers {
                problem = "holds more than \(maxIntegers) integers (tensor dims, attributes, float16 data)"
            }
        }
    }

    /// A base-128 varint at `p` (advanced past it), or nil when it runs past `end` or over ten bytes.
    private static func varint(_ b: UnsafeRawBufferPointer, _ p: inout Int, _ end: Int) -> UInt64? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while p < end, shift < 64 {
            let byte = b[p]
            p += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}
