import NNVizSystem
/// A pickle reader that executes nothing: it understands only the opcodes and globals a PyTorch state dict uses
/// (`collections.OrderedDict`, `torch._utils._rebuild_tensor_v2`, the storage types) and refuses anything else by
/// name, as PyTorch's own `weights_only` loader does. No module is imported and no callable is called: the few
/// allowed globals are interpreted by this reader itself.
struct TorchUnpickler {
    /// The storage types a state dict's tensors may use, with their element types.
    static let storageTypes: [String: TensorDType] = [
        "FloatStorage": .float32, "DoubleStorage": .float64, "HalfStorage": .float16, "BFloat16Storage": .bfloat16,
        "LongStorage": .int64, "IntStorage": .int32, "ShortStorage": .int16, "CharStorage": .int8,
        "ByteStorage": .uint8, "BoolStorage": .bool, "UntypedStorage": .uint8,
    ]

    let bytes: [UInt8]
    let source: String
    let member: String
    private var i = 0
    private var stack: [PickleValue] = []
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]

    /// Most entries the stack and the memo may hold (a state dict of 1,000 layers needs a few thousand).
    static let maxItems = 1_000_000

    init(_ bytes: [UInt8], source: String, member: String) {
        self.bytes = bytes
        self.source = source
        self.member = member
    }

    private func fail(_ message: String, at offset: Int? = nil) -> NNVizError {
        NNVizError(source, "\(member): byte \(offset ?? i)", message)
    }

    private mutating func take(_ n: Int) throws(NNVizError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - i else { throw fail("truncated pickle (an opcode's argument runs past the end)") }
        defer { i += n }
        return bytes[i..<(i + n)]
    }

    private mutating func uint(_ n: Int) throws(NNVizError) -> Int {
        let b = try take(n)
        return b.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private mutating func line() throws(NNVizError) -> String {
        guard let end = bytes[i...].prefix(256).firstIndex(of: 0x0A) else { throw fail("truncated pickle (a GLOBAL name has no end)") }
        defer { i = end + 1 }
        return String(decoding: bytes[i..<end], as: UTF8.self)
    }

    private mutating func text(_ n: Int) throws(NNVizError) -> PickleValue {
        let b = try take(n)
        guard let s = StrictUTF8.decode(b) else { throw fail("a string is not UTF-8") }
        return .string(s)
    }

    private mutating func pop() throws(NNVizError) -> PickleValue {
        guard let v = stack.popLast(), stack.count >= (marks.last ?? 0) else { throw fail("malformed pickle (stack underflow)") }
        if case .mark = v { throw fail("malformed pickle (stack underflow)") }
        return v
    }

    private mutating func popMark() throws(NNVizError) -> [PickleValue] {
        guard let m = marks.popLast(), m <= stack.count else { throw fail("malformed pickle (no MARK)") }
        let items = Array(stack[m...])
        stack.removeSubrange(m...)
        return items
    }

    private mutating func push(_ v: PickleValue) throws(NNVizError) {
        guard stack.count < Self.maxItems else { throw fail("pickle stack deeper than \(Self.maxItems) items") }
        stack.append(v)
    }

    private mutating func put(_ index: Int) throws(NNVizError) {
        guard let top = stack.last else { throw fail("malformed pickle (memo of an empty stack)") }
        guard memo.count < Self.maxItems || memo[index] != nil else { throw fail("pickle memo larger than \(Self.maxItems) items") }
        memo[index] = top
    }

    /// An allowed global, or the refusal naming it; a pickled module or class says to save a state dict instead.
    private func global(_ module: String, _ name: String, at offset: Int) throws(NNVizError) -> PickleValue {
        let full = "\(module).\(name)"
        switch (module, name) {
        case ("collections", "OrderedDict"), ("torch._utils", "_rebuild_tensor_v2"):
            return .global(module: module, name: name)
        case ("torch", _) where Self.storageTypes[name] != nil:
            return .global(module: module, name: name)
        default:
            if module == "__main__" || module.hasPrefix("torch.nn") || name.first?.isUppercase == true && !module.hasPrefix("torch._") {
                throw fail("pickles a whole model (\(SpecNode.clip(full))); nnviz reads only weights: save its "
                           + "state_dict() instead: torch.save(model.state_dict(), path)", at: offset)
            }
            throw fail("refers to \(SpecNode.clip(full)), which a state dict does not use; nnviz loads nothing else "
                       + "(no code in a model file is run)", at: offset)
        }
    }

    /// Reads the whole pickle and returns its value.
    mutating func run() throws(NNVizError) -> PickleValue {
        while i < bytes.count {
            let at = i
            let op = bytes[i]
            i += 1
            switch op {
            case 0x80: _ = try take(1)                                  // PROTO
            case 0x95: _ = try take(8)                                  // FRAME
            case 0x2E:                                                  // STOP
                guard stack.count == 1, marks.isEmpty else { throw fail("malformed pickle (STOP with \(stack.count) values)", at: at) }
                return stack[0]
            case 0x63:                                                  // GLOBAL
                let module = try line(), name = try line()
                try push(try global(module, name, at: at))
            case 0x93:                                                  // STACK_GLOBAL
                let name = try pop(), module = try pop()
                guard case .string(let n) = name, case .string(let m) = module else { throw fail("malformed STACK_GLOBAL", at: at) }
                try push(try global(m, n, at: at))
            case 0x7D: try push(.dict(PickleDict()))                    // EMPTY_DICT
            case 0x5D: try push(.list(PickleList()))                    // EMPTY_LIST
            case 0x29: try push(.tuple([]))                             // EMPTY_TUPLE
            case 0x28:                                                  // MARK
                guard marks.count < Self.maxItems else { throw fail("too many MARKs", at: at) }
                marks.append(stack.count)
            case 0x71: try put(try uint(1))                             // BINPUT
            case 0x72: try put(try uint(4))                             // LONG_BINPUT
            case 0x94: try put(memo.count)                              // MEMOIZE
            case 0x68, 0x6A:                                            // BINGET, LONG_BINGET
                let k = try uint(op == 0x68 ? 1 : 4)
                guard let v = memo[k] else { throw fail("malformed pickle (memo \(k) was never stored)", at: at) }
                try push(v)
            case 0x58: try push(try text(try uint(4)))                  // BINUNICODE
            case 0x8C: try push(try text(try uint(1)))                  // SHORT_BINUNICODE
            case 0x8D:                                                  // BINUNICODE8
                let n = try take(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                guard n <= UInt64(bytes.count) else { throw fail("truncated pickle (a string runs past the end)", at: at) }
                try push(try text(Int(n)))
            case 0x4B: try push(.int(try uint(1)))                      // BININT1
            case 0x4D: try push(.int(try uint(2)))                      // BININT2
            case 0x4A: try push(.int(Int(Int32(truncatingIfNeeded: try uint(4)))))   // BININT
            case 0x8A:                                                  // LONG1
                let n = try uint(1)
                guard n <= 8 else { throw fail("an integer of \(n) bytes is too large", at: at) }
                let b = try take(n)
                var v = 0
                for (k, byte) in b.enumerated() { v |= Int(byte) << (8 * k) }
                if n > 0 && n < 8 && b.last! & 0x80 != 0 { v -= 1 << (8 * n) }
                try push(.int(v))
            case 0x47:                                                  // BINFLOAT
                let b = try take(8)
                try push(.float(Double(bitPattern: b.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })))
            case 0x4E: try push(.none)                                  // NONE
            case 0x88: try push(.bool(true))                            // NEWTRUE
            case 0x89: try push(.bool(false))                           // NEWFALSE
            case 0x74: try push(.tuple(try popMark()))                  // TUPLE
            case 0x85: let a = try pop(); try push(.tuple([a]))         // TUPLE1
            case 0x86: let b = try pop(), a = try pop(); try push(.tuple([a, b]))            // TUPLE2
            case 0x87: let c = try pop(), b = try pop(), a = try pop(); try push(.tuple([a, b, c]))   // TUPLE3
            case 0x61:                                                  // APPEND
                let v = try pop()
                guard case .list(let l)? = stack.last else { throw fail("malformed pickle (APPEND to \(stack.last?.kind ?? "nothing"))", at: at) }
                l.items.append(v)
            case 0x65:                                                  // APPENDS
                let items = try popMark()
                guard case .list(let l)? = stack.last else { throw fail("malformed pickle (APPENDS to \(stack.last?.kind ?? "nothing"))", at: at) }
                l.items.append(contentsOf: items)
            case 0x73:                                                  // SETITEM
                let v = try pop(), k = try pop()
                guard case .dict(let d)? = stack.last else { throw fail("malformed pickle (SETITEM on \(stack.last?.kind ?? "nothing"))", at: at) }
                d.set(k, v)
            case 0x75:                                                  // SETITEMS
                let items = try popMark()
                guard items.count % 2 == 0, case .dict(let d)? = stack.last else {
                    throw fail("malformed pickle (SETITEMS on \(stack.last?.kind ?? "nothing"))", at: at)
                }
                for k in stride(from: 0, to: items.count, by: 2) { d.set(items[k], items[k + 1]) }
            case 0x51:                                                  // BINPERSID
                try push(try storage(try pop(), at: at))
            case 0x52:                                                  // REDUCE
                let args = try pop(), callable = try pop()
                try push(try reduce(callable, args, at: at))
            case 0x62:                                                  // BUILD
                let state = try pop()
                // An OrderedDict's state is its `_metadata` (module versions), which nnviz does not need.
                guard case .dict = stack.last, case .dict = state else {
                    throw fail("BUILD of \(stack.last?.kind ?? "nothing") is not part of a state dict", at: at)
                }
            default:
                throw fail("opcode 0x\(String(op, radix: 16, uppercase: true)) is not used by a state dict; "
                           + "nnviz reads only state dicts (torch.save(model.state_dict(), path))", at: at)
            }
        }
        throw fail("truncated pickle (no STOP)")
    }

    private func storage(_ pid: PickleValue, at: Int) throws(NNVizError) -> PickleValue {
        guard case .tuple(let t) = pid, t.count == 5, case .string("storage") = t[0],
              case .global("torch", let type) = t[1], case .string(let key) = t[2], case .int(let numel) = t[4], numel >= 0 else {
            throw fail("a persistent id is not a tensor storage ('storage', type, key, location, size)", at: at)
        }
        return .storage(type: type, key: key, numel: numel)
    }

    private func reduce(_ callable: PickleValue, _ args: PickleValue, at: Int) throws(NNVizError) -> PickleValue {
        guard case .tuple(let a) = args else { throw fail("REDUCE with arguments that are not a tuple", at: at) }
        switch callable {
        case .global("collections", "OrderedDict"):
            guard a.isEmpty else { throw fail("OrderedDict with arguments is not part of a state dict", at: at) }
            return .dict(PickleDict())
        case .global("torch._utils", "_rebuild_tensor_v2"):
            guard a.count >= 4, case .storage(let type, let key, let numel) = a[0], case .int(let offset) = a[1],
                  case .tuple(let sizeItems) = a[2], case .tuple(let strideItems) = a[3],
                  sizeItems.count == strideItems.count, sizeItems.count <= 8, offset >= 0 else {
                throw fail("_rebuild_tensor_v2 with arguments that are not (storage, offset, size, stride, …)", at: at)
            }
            var size: [Int] = [], stride: [Int] = []
            for (s, st) in zip(sizeItems, strideItems) {
                guard case .int(let n) = s, case .int(let m) = st, n >= 0, m >= 0 else {
                    throw fail("a tensor's size or stride is not a non-negative integer", at: at)
                }
                size.append(n)
                stride.append(m)
            }
            return .tensor(storageType: type, key: key, numel: numel, offset: offset, size: size, stride: stride)
        default:
            throw fail("calls \(callable.kind), which a state dict does not", at: at)
        }
    }
}
