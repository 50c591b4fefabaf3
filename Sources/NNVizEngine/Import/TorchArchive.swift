import NNVizSystem
/// Reads `torch.save(model.state_dict(), "m.pt")`: a zip holding `<name>/data.pkl` (the dict, pickled) and one raw
/// little-endian member `<name>/data/<key>` per storage. The pickle is read by `TorchUnpickler`, which runs nothing.
enum TorchArchive {
    /// Most bytes `data.pkl` may hold (a state dict's pickle is a few hundred bytes per tensor).
    static let maxPickleBytes: UInt64 = 64 << 20

    static func load(path: String, activations: [Activation]?, limits: LoadLimits) throws(NNVizError) -> Network {
        let archive = try ModelArchive(path: path, kind: "PyTorch")
        let pickles = archive.entries.filter { $0.path == "data.pkl" || $0.path.hasSuffix("/data.pkl") }
        guard pickles.count == 1, let pkl = pickles.first else {
            throw NNVizError(path, "", pickles.isEmpty ? "holds no data.pkl; not a torch.save archive"
                             : "holds \(pickles.count) data.pkl members; expected one")
        }
        let prefix = String(pkl.path.dropLast("data.pkl".count))
        if let order = archive.entry(prefix + "byteorder") {
            let b = try archive.extract(order, limit: 16)
            guard b == Array("little".utf8) else {
                throw NNVizError(path, order.path, "says the storages are not little-endian; re-save on a little-endian machine")
            }
        }
        var unpickler = TorchUnpickler(try archive.extract(pkl, limit: maxPickleBytes), source: path, member: pkl.path)
        let root = try unpickler.run()
        guard case .dict(let dict) = root else {
            throw NNVizError(path, pkl.path, "holds \(root.kind), not a state dict; save model.state_dict()")
        }
        struct Ref { var key: String; var type: String; var storage: String; var numel: Int; var offset: Int; var size: [Int]; var stride: [Int] }
        var refs: [Ref] = []
        for (k, v) in dict.entries {
            guard case .string(let key) = k else { throw NNVizError(path, pkl.path, "a state dict key is \(k.kind), not a string") }
            guard case .tensor(let type, let storage, let numel, let offset, let size, let stride) = v else {
                throw NNVizError(path, key, "is \(v.kind), not a tensor; expected a state dict (model.state_dict()), not a checkpoint of other things")
            }
            refs.append(Ref(key: key, type: type, storage: storage, numel: numel, offset: offset, size: size, stride: stride))
        }
        try StateDictNetwork.checkSize(refs.map { ($0.key, $0.size) }, path: path, limits: limits)
        var storages: [String: [UInt8]] = [:]
        var tensors: [NamedTensor] = []
        for r in refs {
            guard let dtype = TorchUnpickler.storageTypes[r.type] else {
                throw NNVizError(path, r.key, "has storage type torch.\(r.type), which nnviz does not read")
            }
            let count = NamedTensor.count(r.size) ?? 0
            // The last element the strides reach must lie inside the storage.
            var last = r.offset
            if count > 0 {
                for (n, s) in zip(r.size, r.stride) {
                    let (p, o1) = (n - 1).multipliedReportingOverflow(by: s)
                    let (q, o2) = last.addingReportingOverflow(p)
                    guard !o1, !o2 else { throw NNVizError(path, r.key, "has strides that overflow") }
                    last = q
                }
                guard last < r.numel else {
                    throw NNVizError(path, r.key, "reaches element \(last) of a storage of \(r.numel) elements")
                }
            }
            let (need, o) = r.numel.multipliedReportingOverflow(by: dtype.size)
            guard !o, need <= NpzNetwork.maxMemberBytes(limits) else {
                throw NNVizError(path, r.key, "its storage of \(r.numel) elements is larger than \(Setting.maxParameters) allows")
            }
            if storages[r.storage] == nil {
                let name = prefix + "data/" + r.storage
                guard let entry = archive.entry(name) else { throw NNVizError(path, name, "missing (the storage of \(r.key))") }
                storages[r.storage] = try archive.extract(entry, limit: UInt64(need))
            }
            let bytes = storages[r.storage] ?? []
            guard bytes.count >= need else {
                throw NNVizError(path, prefix + "data/" + r.storage, "holds \(bytes.count) bytes but \(r.key) needs \(need)")
            }
            var values = [Double](repeating: 0, count: count)
            if count > 0 {
                bytes.withUnsafeBytes { raw in
                    let base = raw.baseAddress!
                    var index = [Int](repeating: 0, count: r.size.count)
                    for i in 0..<count {
                        var e = r.offset
                        for d in 0..<index.count { e += index[d] * r.stride[d] }
                        values[i] = dtype.load(base + e * dtype.size)
                        var d = index.count - 1
                        while d >= 0 {
                            index[d] += 1
                            if index[d] < r.size[d] { break }
                            index[d] = 0
                            d -= 1
                        }
                    }
                }
            }
            tensors.append(NamedTensor(key: r.key, shape: r.size, values: values))
        }
        return try StateDictNetwork.build(tensors, path: path, format: "PyTorch state dict (torch.save)", ordered: true,
                                          activations: activations, limits: limits)
    }
}
