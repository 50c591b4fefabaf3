// ───── C boundary: this file and HDF5Library.swift are the only NNVizEngine code that touches libhdf5 ─────
import CHDF5

/// An HDF5 file opened by libhdf5 from bytes in memory (a `.keras` member, or an `.h5` file nnviz has read and
/// checked with `HDF5Superblock`), so the library never opens a path itself; read with Swift values only.
///
/// What it may allocate is bounded before it reads: datasets by their declared element count (and chunk size)
/// against a budget of values, attributes by their declared size; only hard links are followed (an external link
/// would open another file), and datasets stored outside the file, virtual or filtered (compressed) are refused.
struct HDF5Image {
    private let lib: HDF5Library
    private let file: hid_t
    private let bytes: [UInt8]
    private let collections: HDF5AttributeCheck.Collections
    /// The file as the user named it, for errors.
    let path: String
    /// Where the image came from inside `path` (`model.weights.h5`), prefixed to error locations; empty for `.h5`.
    let member: String

    /// Most names a group may list, and the longest name read.
    static let maxLinks = 100_000, maxName = 4096
    /// Largest attribute (the Keras config) read, in bytes.
    static let maxAttributeBytes = 64 << 20

    /// Opens `bytes` (already checked by `HDF5Superblock`) and runs `body` on it, holding the HDF5 lock throughout;
    /// its global heaps are checked first (`HDF5GlobalHeaps`).
    static func with<T>(_ bytes: [UInt8], path: String, member: String = "",
                        _ body: (HDF5Image) throws(NNVizError) -> T) throws(NNVizError) -> T {
        let collections = try HDF5GlobalHeaps.check(bytes, path: path, location: member)
        return try HDF5Library.withLock({ (lib) throws(NNVizError) -> T in
            let where_ = member
            let fapl = lib.pcreate(lib.fileAccess)
            guard fapl >= 0 else { throw NNVizError(path, where_, "HDF5 could not set up reading from memory") }
            defer { _ = lib.pclose(fapl) }
            var image = bytes
            let ok = image.withUnsafeMutableBytes { b in
                lib.faplCore(fapl, 1 << 16, false) >= 0 && lib.fileImage(fapl, b.baseAddress, b.count) >= 0
            }
            guard ok else { throw NNVizError(path, where_, "HDF5 could not take the file's \(bytes.count) bytes") }
            let file = lib.fopen("nnviz-memory-image.h5", 0, fapl)   // H5F_ACC_RDONLY (a macro Swift cannot import)
            guard file >= 0 else {
                throw NNVizError(path, where_, "is not a readable HDF5 file (damaged or truncated; HDF5 refused to open it)")
            }
            defer { _ = lib.fclose(file) }
            return try body(HDF5Image(lib: lib, file: file, bytes: bytes, collections: collections, path: path, member: member))
        }, path: path)
    }

    private func fail(_ object: String, _ message: String) -> NNVizError {
        NNVizError(path, [member, object].filter { !$0.isEmpty }.joined(separator: ": "), message)
    }

    /// Whether `object` (a `/`-separated path from the root) exists, reached through hard links only.
    func exists(_ object: String) -> Bool {
        var prefix = ""
        for part in object.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + part
            guard lib.lexists(file, prefix, 0) > 0, isHardLink(prefix) else { return false }
        }
        return true
    }

    private func isHardLink(_ name: String) -> Bool {
        var info = [UInt64](repeating: 0, count: 16)   // H5L_info_t (1.10) or H5L_info2_t: the link type comes first
        let ok = info.withUnsafeMutableBytes { lib.linfo(file, name, $0.baseAddress, 0) >= 0 }
        return ok && info.withUnsafeBytes { $0.load(as: Int32.self) } == Int32(H5L_TYPE_HARD.rawValue)
    }

    /// Whether `object` is a group (false for a dataset or a missing object).
    func isGroup(_ object: String) -> Bool {
        guard exists(object) else { return false }
        let id = lib.oopen(file, object, 0)
        guard id >= 0 else { return false }
        defer { _ = lib.oclose(id) }
        return lib.itype(id) == H5I_GROUP
    }

    /// The names of the members of group `object`, in name order.
    func members(_ object: String) throws(NNVizError) -> [String] {
        guard exists(object) || object == "/" else { throw fail(object, "is missing") }
        let g = lib.gopen(file, object, 0)
        guard g >= 0 else { throw fail(object, "is not a group") }
        defer { _ = lib.gclose(g) }
        var info = H5G_info_t()
        guard lib.ginfo(g, &info) >= 0 else { throw fail(object, "is a damaged group") }
        guard info.nlinks <= UInt64(Self.maxLinks) else {
            throw fail(object, "lists \(info.nlinks) members, more than the limit of \(Self.maxLinks)")
        }
        var names: [String] = []
        for i in 0..<info.nlinks {
            let n = lib.lname(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, 0)
            guard n >= 0, n < Self.maxName else { throw fail(object, "has a member name HDF5 cannot read or longer than \(Self.maxName) bytes") }
            var buf = [CChar](repeating: 0, count: n + 1)
            guard lib.lname(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buf, n + 1, 0) == n else {
                throw fail(object, "has a member name HDF5 cannot read")
            }
            names.append(String(decoding: buf.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    /// The strings of attribute `name` on `object` (one for a scalar, several for a list), or nil when absent.
    func strings(attribute name: String, of object: String) throws(NNVizError) -> [String]? {
        guard object == "/" || exists(object) else { return nil }
        let o = lib.oopen(file, object, 0)
        guard o >= 0 else { throw fail(object, "cannot be opened") }
        defer { _ = lib.oclose(o) }
        guard lib.aexists(o, name) > 0 else { return nil }
        let where_ = (object == "/" ? "" : object + " ") + "attribute '\(name)'"
        let a = lib.aopen(o, name, 0)
        guard a >= 0 else { throw fail(where_, "cannot be opened") }
        defer { _ = lib.aclose(a) }
        let t = lib.atype(a), s = lib.aspace(a)
        defer { _ = lib.tclose(t); _ = lib.sclose(s) }
        guard t >= 0, s >= 0, lib.tclass(t) == H5T_STRING else { throw fail(where_, "is not text") }
        let count = try elementCount(s, where_, limit: Self.maxLinks)
        if count == 0 { return [] }
        if lib.isVariableString(t) > 0 {
            var info = [UInt64](repeating: 0, count: 64)   // H5O_info_t: the header's address follows `fileno`
            guard info.withUnsafeMutableBytes({ lib.oinfo(o, $0.baseAddress) }) >= 0, info[1] < UInt64(bytes.count) else {
                throw fail(where_, "cannot be located in the file")
            }
            if let problem = HDF5AttributeCheck.problem(bytes, header: Int(info[1]), name: name, collections: collections) {
                throw fail(where_, problem)
            }
            // Read with the file's own type: HDF5 does not convert between ASCII and UTF-8 strings.
            let mem = lib.tcopy(t)
            defer { _ = lib.tclose(mem) }
            var ptrs = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            let ok = ptrs.withUnsafeMutableBytes { lib.aread(a, mem, $0.baseAddress) >= 0 }
            defer { for p in ptrs where p != nil { _ = lib.free(p) } }
            guard ok else { throw fail(where_, "cannot be read (damaged)") }
            return ptrs.map { $0.map { String(cString: $0) } ?? "" }
        }
        let size = lib.tsize(t)
        guard size > 0, size <= Self.maxAttributeBytes / count else {
            throw fail(where_, "declares \(count) strings of \(size) bytes, more than the limit of \(Self.maxAttributeBytes) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: size * count)
        let ok = bytes.withUnsafeMutableBytes { lib.aread(a, t, $0.baseAddress) >= 0 }
        guard ok else { throw fail(where_, "cannot be read (damaged)") }
        return (0..<count).map { i in
            let field = bytes[(i * size)..<((i + 1) * size)]
            return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self).trimmingTrailingSpaces()
        }
    }

    /// The shape and values (widened to Double) of dataset `object`, refused before reading when it holds more than
    /// `budget` values; `budget` is reduced by what it holds.
    func dataset(_ object: String, budget: inout Int, limitText: String) throws(NNVizError) -> (shape: [Int], values: [Double]) {
        guard exists(object) else { throw fail(object, "is missing") }
        let d = lib.dopen(file, object, 0)
        guard d >= 0 else { throw fail(object, "is not a dataset") }
        defer { _ = lib.dclose(d) }
        let t = lib.dtype(d), s = lib.dspace(d), p = lib.dcpl(d)
        defer { _ = lib.tclose(t); _ = lib.sclose(s); _ = lib.pclose(p) }
        guard t >= 0, s >= 0, p >= 0 else { throw fail(object, "is a damaged dataset") }
        guard lib.tclass(t) == H5T_FLOAT, [2, 4, 8].contains(lib.tsize(t)) else {
            throw fail(object, "is not stored as float16, float32 or float64 numbers")
        }
        let shape = try dimensions(s, object)
        guard let count = NamedTensor.count(shape), count <= budget else {
            throw fail(object, "has shape \(NamedTensor.text(shape)): more values than \(limitText) allows")
        }
        let layout = lib.layout(p)
        guard layout == H5D_COMPACT || layout == H5D_CONTIGUOUS || layout == H5D_CHUNKED else {
            throw fail(object, "is a virtual dataset (its values live in other datasets); nnviz reads stored weights")
        }
        guard lib.externalCount(p) == 0 else { throw fail(object, "keeps its values in an external file; nnviz reads only this file") }
        guard lib.nfilters(p) == 0 else {
            throw fail(object, "is compressed (HDF5 filters); nnviz reads uncompressed weights, as Keras saves them")
        }
        if layout == H5D_CHUNKED {
            var chunk = [hsize_t](repeating: 0, count: 32)
            let rank = lib.chunk(p, 32, &chunk)
            guard rank >= 0, rank <= 32,
                  let n = NamedTensor.count(chunk.prefix(Int(rank)).map { Int(clamping: $0) }), n <= max(count, 1) else {
                throw fail(object, "declares chunks larger than the dataset")
            }
        }
        budget -= count
        guard count > 0 else { return (shape, []) }
        var values = [Double](repeating: 0, count: count)
        let ok = values.withUnsafeMutableBytes { lib.dread(d, lib.nativeDouble, 0, 0, 0, $0.baseAddress) >= 0 }
        guard ok else { throw fail(object, "cannot be read (damaged or truncated)") }
        return (shape, values)
    }

    private func dimensions(_ s: hid_t, _ object: String) throws(NNVizError) -> [Int] {
        let rank = lib.ndims(s)
        guard rank >= 0, rank <= 32 else { throw fail(object, "has a damaged shape") }
        var dims = [hsize_t](repeating: 0, count: max(Int(rank), 1))
        guard lib.dims(s, &dims, nil) == rank else { throw fail(object, "has a damaged shape") }
        return dims.prefix(Int(rank)).map { Int(clamping: $0) }
    }

    private func elementCount(_ s: hid_t, _ object: String, limit: Int) throws(NNVizError) -> Int {
        let shape = try dimensions(s, object)
        guard let n = NamedTensor.count(shape), n <= limit else {
            throw fail(object, "declares more than \(limit) values")
        }
        return n
    }
}
