import NNVizSystem

/// Reads Keras models: Keras 3 `.keras` zips (`config.json` + `model.weights.h5`) and legacy `.h5` files (HDF5 with
/// a `model_config` attribute and a `model_weights` group). The architecture comes from the JSON config
/// (`KerasConfig`, `KerasNetwork`); the weights from HDF5, read by libhdf5 from memory (`HDF5Image`) after the
/// cheap checks of `HDF5Superblock`, so it never opens a path of its own.
enum KerasFile {
    /// Most bytes `config.json` may hold.
    static let maxConfigBytes: UInt64 = 64 << 20
    static let weightsMember = "model.weights.h5"

    /// A Keras 3 `.keras` archive.
    static func loadKeras(path: String, limits: LoadLimits) throws(NNVizError) -> Network {
        let archive = try ModelArchive(path: path, kind: "Keras")
        guard let configEntry = archive.entry("config.json") else {
            throw NNVizError(path, "", "holds no config.json; not a Keras 3 .keras archive")
        }
        guard let text = StrictUTF8.decode(try archive.extract(configEntry, limit: maxConfigBytes)) else {
            throw NNVizError(path, "config.json", "is not UTF-8 text")
        }
        let config = try KerasConfig(text: text, path: path, location: "config.json")
        guard let weightsEntry = archive.entry(weightsMember) else {
            throw NNVizError(path, "", "holds no \(weightsMember); save the model with model.save(\"m.keras\")")
        }
        // Layers are checked before the weights are read, so a Conv2D model is refused by what it is.
        _ = try KerasNetwork.plan(config, path: path, location: "config.json", limits: limits)
        let bytes = try archive.extract(weightsEntry, limit: UInt64(limits.maxFileBytes))
        return try network(config, weights: bytes, path: path, limits: limits)
    }

    /// The network of a `.keras` archive's config and the bytes of its `model.weights.h5`.
    static func network(_ config: KerasConfig, weights bytes: [UInt8], path: String, limits: LoadLimits) throws(NNVizError) -> Network {
        try HDF5Superblock.check(bytes, path: path, location: weightsMember)
        return try HDF5Image.with(bytes, path: path, member: weightsMember) { (h5) throws(NNVizError) in
            var budget = limits.maxParameters
            return try KerasNetwork.build(config, path: path, location: "config.json", format: "Keras 3 .keras", limits: limits) {
                (layer, useBias) throws(NNVizError) in
                // Keras 3 stores a layer's variables under its class and rank among layers of that class, as it
                // loads them: layers/dense_1/vars/0 (kernel), /1 (bias); newer versions add the layer's name.
                let group = "layers/\(weightsName(of: layer, in: config))/vars"
                guard h5.isGroup(group) else {
                    throw NNVizError(path, weightsMember, "holds no \(group) for layer '\(layer.name)'")
                }
                // The name is only a cross-check: when nnviz cannot check the attribute's storage before libhdf5 reads
                // it (or finds it damaged), it is not read, and the order of config.json decides alone.
                if let stored = (try? h5.strings(attribute: "name", of: group))??.first, stored != layer.name {
                    throw NNVizError(path, "\(weightsMember): \(group)", "holds the weights of layer '\(stored)', not of '\(layer.name)' "
                                     + "as config.json's order says")
                }
                let names = try h5.members(group)
                guard names.count == (useBias ? 2 : 1), names.contains("0"), !useBias || names.contains("1") else {
                    throw NNVizError(path, "\(weightsMember): \(group)", "holds \(names.count) variables; a Dense layer "
                                     + (useBias ? "with a bias has 2 (kernel, bias)" : "without a bias has 1 (kernel)"))
                }
                func tensor(_ n: String) throws(NNVizError) -> NamedTensor {
                    let (shape, values) = try h5.dataset("\(group)/\(n)", budget: &budget, limitText: "\(Setting.maxParameters)")
                    return NamedTensor(key: "\(weightsMember): \(group)/\(n)", shape: shape, values: values)
                }
                return (try tensor("0"), useBias ? try tensor("1") : nil)
            }
        }
    }

    /// A legacy Keras `.h5` file written by `model.save("m.h5")`.
    static func loadH5(path: String, limits: LoadLimits) throws(NNVizError) -> Network {
        let bytes = try InputFile.read(path, limit: limits.maxFileBytes)
        try HDF5Superblock.check(bytes, path: path)
        return try HDF5Image.with(bytes, path: path) { (h5) throws(NNVizError) in
            guard let text = try h5.strings(attribute: "model_config", of: "/")?.first else {
                throw NNVizError(path, "", "holds no 'model_config': an HDF5 file of weights only (save_weights?); "
                                 + "save the whole model with model.save(\"m.keras\") or model.save(\"m.h5\")")
            }
            let location = "attribute 'model_config'"
            let config = try KerasConfig(text: text, path: path, location: location)
            _ = try KerasNetwork.plan(config, path: path, location: location, limits: limits)
            let version = (try? h5.strings(attribute: "keras_version", of: "/"))??.first.map { " \($0)" } ?? ""
            let root = h5.isGroup("model_weights") ? "model_weights" : ""
            var budget = limits.maxParameters
            return try KerasNetwork.build(config, path: path, location: location, format: "Keras\(version) legacy .h5", limits: limits) {
                (layer, useBias) throws(NNVizError) in
                let group = root.isEmpty ? layer.name : "\(root)/\(layer.name)"
                guard h5.isGroup(group), let names = try h5.strings(attribute: "weight_names", of: group) else {
                    throw NNVizError(path, "", "holds no weights for layer '\(layer.name)' (no group \(group) with 'weight_names')")
                }
                func tensor(_ kind: String) throws(NNVizError) -> NamedTensor? {
                    // Keras 2 names them "dense/kernel:0", Keras 3 "kernel".
                    guard let n = names.first(where: { ($0.split(separator: "/").last ?? "").hasPrefix(kind) }) else { return nil }
                    let (shape, values) = try h5.dataset("\(group)/\(n)", budget: &budget, limitText: "\(Setting.maxParameters)")
                    return NamedTensor(key: "\(group)/\(n)", shape: shape, values: values)
                }
                guard let kernel = try tensor("kernel") else {
                    throw NNVizError(path, group, "lists no kernel in 'weight_names'")
                }
                let bias = useBias ? try tensor("bias") : nil
                if useBias && bias == nil { throw NNVizError(path, group, "lists no bias in 'weight_names', but the layer uses one") }
                return (kernel, bias)
            }
        }
    }

    /// The group name Keras 3 saves `layer`'s variables under: its class in snake case (`LeakyReLU` →
    /// `leaky_re_lu`), with `_1`, `_2` … for later layers of the same class (Keras's `_get_unique_name`).
    static func weightsName(of layer: KerasLayer, in config: KerasConfig) -> String {
        let rank = config.layers.prefix(layer.index).filter { $0.className == layer.className }.count
        let base = snakeCase(layer.className)
        return rank == 0 ? base : "\(base)_\(rank)"
    }

    /// Keras's `naming.to_snake_case`: word characters only, `_` before a capital that starts a lower-case run
    /// (not at the start), then between a lower-case letter and a capital, all lower-cased.
    static func snakeCase(_ name: String) -> String {
        func isUpper(_ c: Character) -> Bool { c.isASCII && c.isUppercase }
        func isLower(_ c: Character) -> Bool { c.isASCII && c.isLowercase }
        let word = Array(name.filter { $0.isLetter || $0.isNumber || $0 == "_" })
        var step: [Character] = []
        var i = 0
        while i < word.count {   // (.)([A-Z][a-z]+) -> \1_\2
            if i + 2 < word.count, isUpper(word[i + 1]), isLower(word[i + 2]) {
                var j = i + 2
                while j < word.count, isLower(word[j]) { j += 1 }
                step += [word[i], "_"] + word[(i + 1)..<j]
                i = j
            } else {
                step.append(word[i])
                i += 1
            }
        }
        var out: [Character] = []
        i = 0
        while i < step.count {   // ([a-z])([A-Z]) -> \1_\2
            if i + 1 < step.count, isLower(step[i]), isUpper(step[i + 1]) {
                out += [step[i], "_", step[i + 1]]
                i += 2
            } else {
                out.append(step[i])
                i += 1
            }
        }
        return String(out).lowercased()
    }
}
