import Foundation
import NNVizSystem
import ONNXProto

/// An ONNX initializer (or a `Constant` node's value) read into a `NamedTensor`: float32, float64, float16 or
/// bfloat16, from `raw_data` (little-endian) or the typed fields (`float_data`, `double_data`, and `int32_data`
/// holding the 16 bits of each float16/bfloat16), widened exactly to Double.
///
/// Its dims are checked (non-negative, element count within `maxParameters`) and the data's length matched to
/// them before anything is decoded; data kept in an external file, in segments or as strings is refused.
enum ONNXTensor {
    /// `TensorProto.DataType` numbers and names, for the element types nnviz reads and for naming the others.
    static let dataTypeNames: [Int32: String] = [
        0: "UNDEFINED", 1: "FLOAT", 2: "UINT8", 3: "INT8", 4: "UINT16", 5: "INT16", 6: "INT32", 7: "INT64", 8: "STRING",
        9: "BOOL", 10: "FLOAT16", 11: "DOUBLE", 12: "UINT32", 13: "UINT64", 14: "COMPLEX64", 15: "COMPLEX128",
        16: "BFLOAT16",
    ]

    static func dtype(_ code: Int32) -> TensorDType? {
        switch code {
        case 1: return .float32
        case 11: return .float64
        case 10: return .float16
        case 16: return .bfloat16
        default: return nil
        }
    }

    /// The shape `t` declares, refused when a dimension is negative or the element count exceeds `limits`.
    static func shape(_ t: Onnx_TensorProto, name: String, path: String, limits: LoadLimits) throws(NNVizError) -> [Int] {
        var shape: [Int] = []
        for d in t.dims {
            guard d >= 0, d <= Int64(Int.max) else {
                throw NNVizError(path, "tensor '\(name)'", "has dims \(t.dims) with a negative dimension")
            }
            shape.append(Int(d))
        }
        guard let count = NamedTensor.count(shape), count <= limits.maxParameters else {
            throw NNVizError(path, "tensor '\(name)'", "has shape \(NamedTensor.text(shape)), more values than "
                             + "\(Setting.maxParameters) allows (\(limits.maxParameters))")
        }
        return shape
    }

    /// The values of `t`, named `name` (its initializer name, or the Constant node's output).
    static func read(_ t: Onnx_TensorProto, name: String, path: String, limits: LoadLimits) throws(NNVizError) -> NamedTensor {
        func fail(_ message: String) -> NNVizError { NNVizError(path, "tensor '\(name)'", message) }
        if t.dataLocation == 1 || !t.externalData.isEmpty {
            throw NNVizError(path, "", "tensor '\(name)' keeps its data in an external file; nnviz reads self-contained "
                             + ".onnx files (onnx.save_model(model, path, save_as_external_data=False))")
        }
        if t.hasSegment { throw fail("is one segment of a larger tensor; nnviz reads whole tensors") }
        guard let dtype = dtype(t.dataType) else {
            throw fail("has data type \(dataTypeNames[t.dataType] ?? String(t.dataType)); weights must be FLOAT, DOUBLE, "
                       + "FLOAT16 or BFLOAT16")
        }
        let shape = try shape(t, name: name, path: path, limits: limits)
        let count = NamedTensor.count(shape) ?? 0
        var values: [Double]
        if t.hasRawData {
            let (need, overflow) = count.multipliedReportingOverflow(by: dtype.size)
            guard !overflow, t.rawData.count == need else {
                throw fail("has shape \(NamedTensor.text(shape)) of \(count) values but raw_data holds \(t.rawData.count) "
                           + "bytes, not \(overflow ? "\(count) × \(dtype.size)" : String(need))")
            }
            values = t.rawData.withUnsafeBytes { dtype.values($0, offset: 0, count: count) }
        } else {
            let held: Int
            switch dtype {
            case .float32: held = t.floatData.count
            case .float64: held = t.doubleData.count
            default: held = t.int32Data.count
            }
            guard held == count else {
                let field = dtype == .float32 ? "float_data" : dtype == .float64 ? "double_data" : "int32_data"
                throw fail("has shape \(NamedTensor.text(shape)) of \(count) values but \(field) holds \(held)")
            }
            switch dtype {
            case .float32: values = t.floatData.map { Double($0) }
            case .float64: values = t.doubleData
            default:
                values = []
                values.reserveCapacity(count)
                for (i, v) in t.int32Data.enumerated() {
                    guard (0...0xFFFF).contains(v) else {
                        throw fail("int32_data[\(i)] is \(v), not the 16 bits of a \(dtype == .float16 ? "float16" : "bfloat16")")
                    }
                    let bits = UInt16(v)
                    values.append(dtype == .float16 ? TensorDType.half(bits) : Double(Float(bitPattern: UInt32(bits) << 16)))
                }
            }
        }
        return NamedTensor(key: name, shape: shape, values: values)
    }
}
