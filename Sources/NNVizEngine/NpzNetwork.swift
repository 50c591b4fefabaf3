import Foundation
import ZIPFoundation

/// Reads a network from a NumPy `.npz` archive written by `np.savez(path, W1=…, b1=…, W2=…, b2=…)`.
///
/// Members may be stored or deflated; a member claiming an absurd uncompressed size is refused before extraction.
public enum NpzNetwork {
    /// The network in the archive at `path`; `activations` (one per layer) default to relu for hidden layers
    /// and sigmoid (one output) or softmax (several) for the last.
    public static func load(path: String, activations: [Activation]? = nil,
                            limits: LoadLimits = LoadLimits()) throws(NNVizError) -> Network {
        let arrays = try members(path: path, limits: limits)
        var layerCount = 0
        while arrays["W\(layerCount + 1)"] != nil && layerCount < limits.maxLayers { layerCount += 1 }
        guard layerCount > 0 else {
            throw NNVizError(path, "", "has no W1.npy; expected arrays W1, b1, W2, b2, … as np.savez writes them")
        }
        let expected = Set((1...layerCount).flatMap { ["W\($0)", "b\($0)"] })
        for name in arrays.keys.sorted() where !expected.contains(name) {
            throw NNVizError(path, "\(name).npy", "unexpected member; expected W1, b1, … W\(layerCount), b\(layerCount)")
        }
        if let activations, activations.count != layerCount {
            throw NNVizError("--activations", "", "has \(activations.count) names but \(path) has \(layerCount) layers")
        }
        var layers: [Layer] = []
        for k in 1...layerCount {
            guard let w = arrays["W\(k)"] else { throw NNVizError(path, "W\(k).npy", "missing") }
            guard w.shape.count == 2, w.shape[0] > 0, w.shape[1] > 0 else {
                throw NNVizError(path, "W\(k).npy", "has shape \(w.shapeText); expected 2-D (inputs, neurons), neither empty")
            }
            guard w.shape[0] > 0, w.shape[1] > 0 else {
                throw NNVizError(path, "W\(k).npy", "has shape \(w.shapeText); a layer needs at least one input and one neuron")
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
            let act = activations?[k - 1]
                ?? (k < layerCount ? .relu : (w.shape[1] == 1 ? .sigmoid : .softmax))
            layers.append(Layer(name: Network.defaultLayerName(index: k - 1, count: layerCount), activation: act,
                                weights: Matrix(rows: w.shape[0], cols: w.shape[1], data: w.values), bias: b.values,
                                neuronLabels: Network.defaultNeuronLabels(layerIndex: k - 1, layerCount: layerCount,
                                                                          width: w.shape[1])))
        }
        return Network(name: InputFile.stem(path), inputLabels: Network.defaultInputLabels(layers[0].fanIn), layers: layers)
    }

    static func checkFinite(_ a: NpyArray, path: String, member: String) throws(NNVizError) {
        guard let i = a.values.firstIndex(where: { !$0.isFinite }) else { return }
        let cols = a.shape.last ?? 1
        let index = a.shape.count == 2 ? "[\(i / cols), \(i % cols)]" : "[\(i)]"
        throw NNVizError(path, "\(member)\(index)", "is not a finite number (\(a.values[i]))")
    }

    /// Every `.npy` member, keyed by name without extension.
    static func members(path: String, limits: LoadLimits) throws(NNVizError) -> [String: NpyArray] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw NNVizError(path, "", "is not a readable .npz (zip) archive")
        }
        let maxBytes = limits.maxParameters * 8 + 4096
        var out: [String: NpyArray] = [:]
        for entry in archive where entry.type == .file {
            let member = entry.path
            guard member.hasSuffix(".npy") else {
                throw NNVizError(path, member, "unexpected member; an .npz holds .npy arrays")
            }
            guard entry.uncompressedSize <= UInt64(maxBytes) else {
                throw NNVizError(path, member, "claims \(entry.uncompressedSize) bytes uncompressed, more than the limit of \(maxBytes)")
            }
            // Inflate no further than the entry claims: a deflate stream that outgrows its declared size is a bomb.
            let ceiling = Int(entry.uncompressedSize)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(ceiling)
            let checksum: CRC32
            do {
                checksum = try archive.extract(entry) { chunk in
                    guard bytes.count + chunk.count <= ceiling else { throw CocoaError(.fileReadTooLarge) }
                    bytes.append(contentsOf: chunk)
                }
            } catch {
                throw NNVizError(path, member, "cannot be extracted (damaged, or inflates beyond its declared \(ceiling) bytes)")
            }
            // ZIPFoundation does not compare checksums itself; a flipped bit must not load as a different weight.
            guard checksum == entry.checksum, bytes.count == ceiling else {
                throw NNVizError(path, member, "is damaged (its CRC-32 or size does not match the archive's directory)")
            }
            let name = String(member.dropLast(4))
            out[name] = try NpyArray.parse(bytes, source: path, location: member, maxValues: limits.maxParameters)
        }
        return out
    }
}
