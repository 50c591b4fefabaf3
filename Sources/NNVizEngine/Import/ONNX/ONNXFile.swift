import Foundation
import NNVizSystem
import ONNXProto
import SwiftProtobuf

/// Reads an ONNX model (`torch.onnx.export`, `tf2onnx`, `onnx.helper`): a protobuf `ModelProto` decoded with
/// SwiftProtobuf and the types generated from nnviz's trimmed `onnx.proto` (module `ONNXProto`).
///
/// Before decoding, the file's size is bounded (`maxFileBytes`) and its wire format walked (`ONNXWireScan`) so
/// that what decoding allocates is bounded too; decoding itself discards unknown fields and nests at most
/// `maxDepth` messages. The graph is then followed from its input (`ONNXChain`).
enum ONNXFile {
    /// Deeper than any message of the trimmed schema nests (seven).
    static let maxDepth = 16

    /// Whether `prefix` starts like a ModelProto: `ir_version` (field 1, a small varint) followed by another of
    /// its fields, which is how `onnx.save`, PyTorch and tf2onnx all begin. ONNX has no magic number.
    static func looksLike(_ prefix: [UInt8]) -> Bool {
        guard prefix.count >= 3, prefix[0] == 0x08, (1...30).contains(prefix[1]) else { return false }
        // producer_name, producer_version, domain, model_version, doc_string, graph, opset_import, metadata_props
        return [0x12, 0x1A, 0x22, 0x28, 0x32, 0x3A, 0x42, 0x72].contains(prefix[2])
    }

    static func load(path: String, limits: LoadLimits) throws(NNVizError) -> Network {
        let bytes = try InputFile.read(path, limit: limits.maxFileBytes)
        return try load(path: path, bytes: bytes, limits: limits)
    }

    static func load(path: String, bytes: [UInt8], limits: LoadLimits) throws(NNVizError) -> Network {
        let scan = bytes.withUnsafeBytes { ONNXWireScan($0, maxIntegers: limits.maxParameters + ONNXWireScan.maxItems) }
        if let problem = scan.problem { throw NNVizError(path, "", problem) }
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = maxDepth
        options.discardUnknownFields = true
        let model: Onnx_ModelProto
        do {
            model = try Onnx_ModelProto(serializedBytes: bytes, options: options)
        } catch {
            throw NNVizError(path, "", "is not a readable ONNX model (\(reason(error)))")
        }
        guard model.hasGraph else { throw NNVizError(path, "", "holds no graph; not an ONNX model") }
        let opset = model.opsetImport.first { $0.domain.isEmpty || $0.domain == "ai.onnx" }?.version ?? 1
        var chain = ONNXChain(graph: model.graph, opset: opset, path: path, limits: limits)
        let pending = try chain.run()
        var layers: [Layer] = []
        for (k, p) in pending.enumerated() {
            do {
                layers.append(try Layer(name: p.name.isEmpty ? Network.defaultLayerName(index: k, count: pending.count) : p.name,
                                        activation: p.activation ?? .linear,
                                        weights: Matrix(rows: p.fanIn, cols: p.fanOut, data: p.weights), bias: p.bias,
                                        neuronLabels: Network.defaultNeuronLabels(layerIndex: k, layerCount: pending.count,
                                                                                  width: p.fanOut)))
            } catch {
                throw NNVizError(path, "", "\(p.node): \(error.description)")
            }
        }
        do {
            var net = try Network(name: InputFile.stem(path), inputLabels: Network.defaultInputLabels(layers.first?.fanIn ?? 0),
                                  layers: layers)
            let producer = [model.producerName, model.producerVersion].filter { !$0.isEmpty }.joined(separator: " ")
            let format = "ONNX" + (producer.isEmpty ? "" : " from \(SpecNode.clip(producer))") + ", opset \(opset)"
            let name = { (k: Int) in layers.indices.contains(k) ? layers[k].name : "" }
            net.provenance = ModelProvenance(format: format, layers: chain.record.map { r in
                let fate: ModelProvenance.Fate
                switch r.fate {
                case .input(let n): fate = .input(features: n ?? layers.first?.fanIn ?? 0)
                case .layer(let k, let detail): fate = .layer(name(k), detail: detail)
                case .folded(let k, let detail): fate = .folded(into: name(k), detail: detail)
                case .skipped(let why): fate = .skipped(why)
                }
                return ModelProvenance.Entry(name: SpecNode.clip(r.name), type: SpecNode.clip(r.type), fate: fate)
            })
            return net
        } catch {
            throw NNVizError(path, "", error.description)
        }
    }

    /// SwiftProtobuf's decoding error in words.
    static func reason(_ error: Error) -> String {
        switch error as? BinaryDecodingError {
        case .truncated?: return "truncated"
        case .invalidUTF8?: return "a name is not UTF-8"
        case .messageDepthLimit?: return "messages nested deeper than \(maxDepth)"
        case .malformedProtobuf?: return "malformed protobuf"
        default: return "damaged protobuf"
        }
    }
}
