/// A value the restricted unpickler (`TorchUnpickler`) builds: only what a state dict pickles.
indirect enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case tuple([PickleValue])
    /// A list, shared by reference as in Python (a memoised list grows in place).
    case list(PickleList)
    /// A dict or OrderedDict, entries in insertion order, shared by reference.
    case dict(PickleDict)
    /// An allowed global (`collections.OrderedDict`, `torch._utils._rebuild_tensor_v2`, a storage type).
    case global(module: String, name: String)
    /// A tensor's storage, from a persistent id `('storage', torch.FloatStorage, key, location, numel)`.
    case storage(type: String, key: String, numel: Int)
    /// A tensor rebuilt by `_rebuild_tensor_v2(storage, offset, size, stride, …)`.
    case tensor(storageType: String, key: String, numel: Int, offset: Int, size: [Int], stride: [Int])
    case mark

    /// What the value is, for errors.
    var kind: String {
        switch self {
        case .none: return "None"
        case .bool: return "a bool"
        case .int: return "an int"
        case .float: return "a float"
        case .string: return "a string"
        case .tuple: return "a tuple"
        case .list: return "a list"
        case .dict: return "a dict"
        case .global(let m, let n): return "\(m).\(n)"
        case .storage: return "a storage"
        case .tensor: return "a tensor"
        case .mark: return "a mark"
        }
    }
}
