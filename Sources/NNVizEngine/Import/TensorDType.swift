/// The element types model files store weights in, each widened to Double exactly (every float16, bfloat16 and
/// float32 value is a Double; integers up to 2⁵³ are, larger ones round as NumPy's `astype(float64)` does).
enum TensorDType: Sendable, Equatable {
    case float64, float32, float16, bfloat16
    case int8, int16, int32, int64, uint8, uint16, uint32, uint64, bool

    /// Bytes per element.
    var size: Int {
        switch self {
        case .float64, .int64, .uint64: return 8
        case .float32, .int32, .uint32: return 4
        case .float16, .bfloat16, .int16, .uint16: return 2
        case .int8, .uint8, .bool: return 1
        }
    }

    /// The value of one element whose little-endian (or big-endian) bytes start at `p`.
    @inline(__always)
    func load(_ p: UnsafeRawPointer, bigEndian: Bool = false) -> Double {
        @inline(__always) func bits<T: FixedWidthInteger>(_: T.Type) -> T {
            var v: T = 0
            withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(start: p, count: MemoryLayout<T>.size)) }
            return bigEndian ? T(bigEndian: v) : T(littleEndian: v)
        }
        switch self {
        case .float64: return Double(bitPattern: bits(UInt64.self))
        case .float32: return Double(Float(bitPattern: bits(UInt32.self)))
        case .float16: return Self.half(bits(UInt16.self))
        case .bfloat16: return Double(Float(bitPattern: UInt32(bits(UInt16.self)) << 16))
        case .int8: return Double(Int8(bitPattern: p.load(as: UInt8.self)))
        case .uint8: return Double(p.load(as: UInt8.self))
        case .bool: return p.load(as: UInt8.self) == 0 ? 0 : 1
        case .int16: return Double(Int16(bitPattern: bits(UInt16.self)))
        case .uint16: return Double(bits(UInt16.self))
        case .int32: return Double(Int32(bitPattern: bits(UInt32.self)))
        case .uint32: return Double(bits(UInt32.self))
        case .int64: return Double(Int64(bitPattern: bits(UInt64.self)))
        case .uint64: return Double(bits(UInt64.self))
        }
    }

    /// An IEEE-754 half (1 sign, 5 exponent, 10 fraction bits) as a Double, exactly; decoded by hand so it does
    /// not depend on the platform's `Float16`.
    static func half(_ h: UInt16) -> Double {
        let sign: Double = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F), fraction = Double(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1024 + fraction) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
        }
    }

    /// `count` elements starting `offset` bytes into `bytes` (the caller has checked they lie inside).
    func values(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int, bigEndian: Bool = false) -> [Double] {
        guard count > 0, let base = bytes.baseAddress else { return [] }
        let size = self.size
        return [Double](unsafeUninitializedCapacity: count) { out, n in
            for i in 0..<count { out[i] = load(base + offset + i * size, bigEndian: bigEndian) }
            n = count
        }
    }
}
