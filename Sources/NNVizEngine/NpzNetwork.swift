import Foundation
import NNVizSystem
import ZIPFoundation

/// Reads a network from a NumPy `.npz` archive written by `np.savez(path, W1=…, b1=…, W2=…, b2=…)`.
///
/// Members may be stored or deflated; an archive whose directory lists too many members, a stray name, or members
/// claiming too much uncompressed (alone or together) is refused before anything is extracted.
public enum NpzNetwork {
    /// The network in the archive at `path`; `activations` (one per layer) default to relu for hidden layers
    /// and sigmoid (one output) or softmax (several) for the last.
    /// `transpose` reads every `W<k>` as stored out × in (PyTorch's layout) and transposes it.
    public static func load(path: String, activations: [Activation]? = nil, transpose: Bool = false,
                            limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
        var stored: [String]?
        var arrays = try members(path: path, limits: limits, activationNames: &stored)
        var layerCount = 0
        while arrays["W\(layerCount + 1)"] != nil && layerCount < limits.maxLayers { layerCount += 1 }
        guard layerCount > 0 else {
            throw NNVizError(path, "", "has no W1.npy; expected arrays W1, b1, W2, b2, … as np.savez writes them")
        }
        // Member names (no strays, no gaps) were checked from the directory in `members`.
        if let activations, activations.count != layerCount {
            throw NNVizError(Setting.activations, "", "has \(activations.count) names but \(path) has \(layerCount) layers")
        }
        // An optional `activations` member (one name per layer, as `nnviz train` writes it); --activations wins.
        var named: [Activation]?
        if activations == nil, let stored {
            guard stored.count == layerCount else {
                throw NNVizError(path, "activations.npy", "has \(stored.count) names but the archive has \(layerCount) layers")
            }
            named = []
            for (i, name) in stored.enumerated() {
                named?.append(try Activation(named: name, source: path, location: "activations.npy: name \(i + 1)"))
            }
        }
        if transpose {
            for k in 1...layerCount {
                if let w = arrays["W\(k)"], w.shape.count == 2 { arrays["W\(k)"] = w.transposed() }
            }
        } else {
            try checkLayout(arrays, layerCount: layerCount, path: path)
        }
        var layers: [Layer] = []
        for k in 1...layerCount {
            guard let w = arrays["W\(k)"] else { throw NNVizError(path, "W\(k).npy", "missing") }
            guard w.shape.count == 2, w.shape[0] > 0, w.shape[1] > 0 else {
                throw NNVizError(path, "W\(k).npy", "has shape \(w.shapeText); expected 2-D (inputs, neurons), neither empty")
            }
            if let prev = layers.last, prev.fanOut != w.shape[0] {
                throw NNVizError(path, "W\(k).npy", "has \(w.shape[0]) rows but W\(k - 1) has \(prev.fanOut) columns")
            }
            guard let b = arrays["b\(k)"] else { throw NNVizError(path, "b\(k).npy", "missing (the bias of layer \(k))") }
            guard b.shape == [w.shape[1]] || b.shape == [1, w.shape[1]] else {
                throw NNVizError(path, "b\(k).npy", "has shape \(b.shapeText) but W\(k) has \(w.shape[1]) columns")
            }
            try checkFinite(w, path: path, member: "W\(k)")
            try checkFinite(b, path: path, member: "b\(k)")
            let act = activations?[k - 1] ?? named?[k - 1]
                ?? (k < layerCount ? .relu : (w.shape[1] == 1 ? .sigmoid : .softmax))
            do {
                layers.append(try Layer(name: Network.defaultLayerName(index: k - 1, count: layerCount), activation: act,
                                        weights: Matrix(rows: w.shape[0], cols: w.shape[1], data: w.values), bias: b.values,
                                        neuronLabels: Network.defaultNeuronLabels(layerIndex: k - 1, layerCount: layerCount,
                                                                                  width: w.shape[1])))
            } catch {
                throw NNVizError(path, "W\(k).npy", error.description)
            }
        }
        do {
            return try Network(name: InputFile.stem(path), inputLabels: Network.defaultInputLabels(layers.first?.fanIn ?? 0),
                               layers: layers)
        } catch {
            throw NNVizError(path, "", error.description)
        }
    }

    /// Refuses weights that do not chain as stored but would after transposing each `W<k>`, saying so: a PyTorch
    /// `Linear` keeps its weight out × in, and `np.savez(W1=layer.weight…)` saves it that way.
    static func checkLayout(_ arrays: [String: NpyArray], layerCount: Int, path: String) throws(NNVizError) {
        let ws = (1...layerCount).map { arrays["W\($0)"] }
        guard ws.allSatisfy({ $0?.shape.count == 2 }) else { return }
        let shapes = ws.map { $0?.shape ?? [] }
        func fits(_ rows: (Int) -> Int, _ cols: (Int) -> Int) -> Bool {
            for k in 0..<layerCount {
                if k > 0 && rows(k) != cols(k - 1) { return false }
                if let b = arrays["b\(k + 1)"], b.shape != [cols(k)] && b.shape != [1, cols(k)] { return false }
            }
            return true
        }
        guard !fits({ shapes[$0][0] }, { shapes[$0][1] }), fits({ shapes[$0][1] }, { shapes[$0][0] }) else { return }
        let names = (1...layerCount).map { "W\($0).T" }.joined(separator: ", ")
        let hint = "it looks stored out × in (PyTorch's layout); save \(names) or pass \(Setting.transpose)"
        for k in 0..<layerCount {
            if k > 0 && shapes[k][0] != shapes[k - 1][1] {
                throw NNVizError(path, "W\(k + 1).npy", "has shape \(NpyHeader.text(shapes[k])) but W\(k) has shape "
                                 + "\(NpyHeader.text(shapes[k - 1])), \(shapes[k - 1][1]) outputs: \(hint)")
            }
            if let b = arrays["b\(k + 1)"], b.shape != [shapes[k][1]] && b.shape != [1, shapes[k][1]] {
                throw NNVizError(path, "W\(k + 1).npy", "has shape \(NpyHeader.text(shapes[k])) but b\(k + 1) has shape "
                                 + "\(b.shapeText), \(b.shape.last ?? 0) neurons: \(hint)")
            }
        }
    }

    static func checkFinite(_ a: NpyArray, path: String, member: String) throws(NNVizError) {
        guard let i = a.values.firstIndex(where: { !$0.isFinite }) else { return }
        let cols = a.shape.last ?? 1
        let index = a.shape.count == 2 ? "[\(i / cols), \(i % cols)]" : "[\(i)]"
        throw NNVizError(path, "\(member)\(index)", "is not a finite number (\(a.values[i]))")
    }

    /// Every `.npy` member, keyed by name without extension. The archive's directory is checked whole before any
    /// member is inflated (`directory`): the member count, every name (`W<k>.npy`, `b<k>.npy` of layers 1…n, each
    /// at most once), each declared size and their sum — so neither a stray member nor six members of 392 MB each
    /// are inflated before the refusal. A missing bias is reported later, with the layer's shapes.
    static func members(path: String, limits: LoadLimits,
                        activationNames: inout [String]?) throws(NNVizError) -> [String: NpyArray] {
        try InputFile.requireRegularFile(path)
        // A name that is not UTF-8 reaches ZIPFoundation (which opens a URL's UTF-8 path) as an open descriptor's
        // /dev/fd name. (Its in-memory archives trap on some damaged files, so the file is not read into memory.)
        var fd: Int32 = -1
        if path.unicodeScalars.contains(where: RawPath.isRawByte) {
            fd = RawPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else { throw NNVizError(path, "", InputFile.reason(errno)) }
        }
        defer { if fd >= 0 { close(fd) } }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: fd >= 0 ? "/dev/fd/\(fd)" : path), accessMode: .read)
        } catch {
            throw NNVizError(path, "", "is not a readable .npz (zip) archive")
        }
        let entries = try directory(of: archive, path: path, limits: limits)
        var out: [String: NpyArray] = [:]
        for entry in entries {
            let member = entry.path
            // Inflate no further than the entry claims: a deflate stream that outgrows its declared size is a bomb.
            guard let ceiling = Int(exactly: entry.uncompressedSize) else {
                throw NNVizError(path, member, "claims \(entry.uncompressedSize) bytes uncompressed, more than this machine can address")
            }
            let bytes = try archive.checkedBytes(of: entry, size: ceiling, path: path)
            let name = String(member.dropLast(4))
            if name == "activations" {
                activationNames = try NpyStrings.parse(bytes, source: path, location: member, maxCount: limits.maxLayers)
                continue
            }
            out[name] = try NpyArray.parse(bytes, source: path, location: member, maxValues: limits.maxParameters)
        }
        return out
    }

    /// Most members an archive may list: a weight and a bias per layer, for at most `maxLayers` layers (an `activations` member counts among them).
    static func maxMembers(_ limits: LoadLimits) -> Int { 2 * limits.maxLayers }

    /// Most bytes one member may declare: 8 per parameter (float64) plus 4 KiB of `.npy` header.
    static func maxMemberBytes(_ limits: LoadLimits) -> UInt64 { saturating(limits.maxParameters, times: 8, plus: 4096) }

    /// Most bytes all `count` members may declare together: 8 per parameter plus 4 KiB of header per member.
    static func totalLimit(_ limits: LoadLimits, members count: Int) -> UInt64 {
        saturating(limits.maxParameters, times: 8, plus: UInt64(count) * 4096)
    }

    /// `a × k + c`, or `UInt64.max` when that overflows (`--max-parameters` takes any positive Int).
    static func saturating(_ a: Int, times k: UInt64, plus c: UInt64) -> UInt64 {
        let (p, o1) = UInt64(max(a, 0)).multipliedReportingOverflow(by: k)
        let (s, o2) = p.addingReportingOverflow(c)
        return o1 || o2 ? .max : s
    }

    /// The archive's file entries, in order, after checking names, count and declared sizes from its directory alone.
    static func directory(of archive: Archive, path: String, limits: LoadLimits) throws(NNVizError) -> [Entry] {
        let maxMembers = maxMembers(limits), maxBytes = maxMemberBytes(limits)
        var entries: [Entry] = []
        var names = Set<String>()
        var total: UInt64 = 0, listed = 0
        for entry in archive {
            listed += 1
            guard listed <= maxMembers else {
                throw NNVizError(path, "", "lists more than \(maxMembers) members, the limit (a weight and a bias for each of at most \(limits.maxLayers) layers)")
            }
            guard entry.type != .directory else { continue }
            let member = entry.path
            guard entry.type == .file, member.hasSuffix(".npy") else {
                throw NNVizError(path, member, "unexpected member; an .npz holds .npy arrays")
            }
            guard names.insert(String(member.dropLast(4))).inserted else {
                throw NNVizError(path, member, "appears twice in the archive")
            }
            guard entry.uncompressedSize <= maxBytes else {
                throw NNVizError(path, member, "claims \(entry.uncompressedSize) bytes uncompressed, more than the limit of \(maxBytes)")
            }
            let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
            total = overflow ? .max : sum
            entries.append(entry)
        }
        let limit = totalLimit(limits, members: entries.count)
        guard total <= limit else {
            throw NNVizError(path, "", "its \(entries.count) members claim \(total) bytes uncompressed in total, more than the limit of "
                             + "\(limit) (8 bytes per parameter of \(Setting.maxParameters) plus 4 KiB per member)")
        }
        var layerCount = 0
        while names.contains("W\(layerCount + 1)") && layerCount < limits.maxLayers { layerCount += 1 }
        guard layerCount > 0 else {
            throw NNVizError(path, "", "has no W1.npy; expected arrays W1, b1, W2, b2, … as np.savez writes them")
        }
        let expected = Set((1...layerCount).flatMap { ["W\($0)", "b\($0)"] } + ["activations"])
        for name in names.sorted() where !expected.contains(name) {
            throw NNVizError(path, "\(name).npy", "unexpected member; expected W1, b1, … W\(layerCount), b\(layerCount)")
        }
        return entries
    }
}
