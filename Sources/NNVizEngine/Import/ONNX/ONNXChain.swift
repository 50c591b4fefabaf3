import NNVizSystem
import ONNXProto

/// Follows an ONNX graph from its single input to its single output, node by node, and turns the chain into
/// dense layers: `Gemm` (alpha, beta, `transB`; C as bias) or `MatMul` then `Add` (the bias on either side) start
/// a layer, `Relu`, `Sigmoid`, `Tanh`, `Softmax` (last axis) and `LeakyRelu` give it its activation, and
/// `Identity`, `Dropout` (identity at inference) and `Flatten` of the 2-D value pass it on.
///
/// Anything else is refused by name: another operator ("node 'Conv_0' (Conv) is not a dense layer"), a value
/// feeding two nodes or a node taking two computed values (a branching graph), nodes off the chain, an input that
/// is not [batch, features].
struct ONNXChain {
    /// A layer being assembled: weights in × out, bias, and the activation once a node gives one.
    struct Pending {
        var name: String
        var node: String
        var fanIn: Int, fanOut: Int
        var weights: [Double]
        var bias: [Double]
        var activation: Activation?
    }

    let path: String
    let limits: LoadLimits
    let graph: Onnx_GraphProto
    let opset: Int64
    /// Initializers and Constant nodes' values, by name (read only when a node uses them).
    var constants: [String: Onnx_TensorProto] = [:]
    var layers: [Pending] = []
    /// Nodes passed through without a layer of their own (Identity, Dropout, Flatten), for `summary`.
    var folded: [String] = []
    /// Width of the value the chain has reached, when known.
    var width: Int?
    /// What became of each node on the chain, for `summary`: the input, then nodes in order. A layer is named by its
    /// index in `layers` (its final name is known only once the network is built).
    var record: [(name: String, type: String, fate: Fate)] = []
    enum Fate { case input(Int?), layer(Int, String), folded(Int, String), skipped(String) }

    init(graph: Onnx_GraphProto, opset: Int64, path: String, limits: LoadLimits) {
        self.graph = graph
        self.opset = opset
        self.path = path
        self.limits = limits
    }

    func fail(_ message: String) -> NNVizError { NNVizError(path, "", message) }

    /// The operators nnviz reads, in words, for refusals.
    static let vocabulary = "nnviz reads Gemm or MatMul and Add layers and Relu, Sigmoid, Tanh, Softmax or LeakyRelu activations"

    static let operators: Set<String> = ["Gemm", "MatMul", "Add", "Relu", "Sigmoid", "Tanh", "Softmax", "LeakyRelu",
                                         "Identity", "Dropout", "Flatten", "Constant"]

    /// Whether nnviz knows `node`'s operator (of the default ONNX domain).
    static func supported(_ node: Onnx_NodeProto) -> Bool {
        (node.domain.isEmpty || node.domain == "ai.onnx") && operators.contains(node.opType)
    }

    static func describe(_ node: Onnx_NodeProto, index: Int) -> String {
        let op = node.domain.isEmpty || node.domain == "ai.onnx" ? node.opType : "\(node.domain).\(node.opType)"
        return "node '\(node.name.isEmpty ? "#\(index)" : node.name)' (\(op))"
    }

    /// The chain's layers, in order.
    mutating func run() throws(NNVizError) -> [Pending] {
        let nodes = graph.node
        // A layer is at most a handful of nodes (MatMul, Add, an activation, Identity, Dropout, Flatten).
        let (perLayer, overflow) = limits.maxLayers.multipliedReportingOverflow(by: 8)
        guard overflow || nodes.count <= perLayer + 100 else {
            throw fail("has \(nodes.count) nodes, more than a network of \(limits.maxLayers) layers needs")
        }
        if let s = graph.sparseInitializer.first {
            throw fail("tensor '\(s.values.name)' is a sparse initializer; nnviz reads dense weights")
        }
        for t in graph.initializer {
            guard constants[t.name] == nil else { throw fail("has two initializers named '\(t.name)'") }
            constants[t.name] = t
        }
        var constantNodes = Set<Int>()
        for (i, n) in nodes.enumerated() where n.opType == "Constant" && (n.domain.isEmpty || n.domain == "ai.onnx") {
            guard n.output.count == 1, n.attribute.count == 1, n.attribute[0].name == "value", n.attribute[0].hasT else {
                throw fail("\(Self.describe(n, index: i)) is not a Constant holding one tensor ('value'); nnviz reads weights as tensors")
            }
            guard constants[n.output[0]] == nil else { throw fail("has two values named '\(n.output[0])'") }
            constants[n.output[0]] = n.attribute[0].t
            constantNodes.insert(i)
        }
        // What the graph holds is judged before how it is wired: a Conv is named even when the input is an image.
        for (i, n) in nodes.enumerated() where !Self.supported(n) {
            throw fail("\(Self.describe(n, index: i)) is not a dense layer: \(Self.vocabulary)")
        }
        let inputs = graph.input.filter { constants[$0.name] == nil }
        guard inputs.count == 1, let input = inputs.first else {
            let names = inputs.prefix(4).map { "'\($0.name)'" }.joined(separator: ", ")
            throw fail((inputs.isEmpty ? "has no graph input" : "has \(inputs.count) graph inputs (\(names))")
                       + "; nnviz reads graphs with one input of shape [batch, features]")
        }
        guard graph.output.count == 1, let output = graph.output.first?.name else {
            throw fail("has \(graph.output.count) graph outputs; nnviz reads graphs with one output")
        }
        width = try inputWidth(input)
        record.append((input.name, "graph input", .input(width)))
        // Who reads each computed value (each node counted once).
        var consumers: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() where !constantNodes.contains(i) {
            var seen = Set<String>()
            for name in n.input where !name.isEmpty && constants[name] == nil && seen.insert(name).inserted {
                consumers[name, default: []].append(i)
            }
        }
        var current = input.name, visited = constantNodes
        while current != output {
            let users = consumers[current] ?? []
            guard users.count == 1, let i = users.first else {
                if users.isEmpty { throw fail("value '\(current)' is read by no node and is not the graph's output '\(output)'") }
                throw fail("value '\(current)' feeds \(users.count) nodes (\(users.prefix(3).map { Self.describe(nodes[$0], index: $0) }.joined(separator: ", "))); "
                           + "nnviz reads a chain of layers, not a branching graph")
            }
            guard visited.insert(i).inserted else { throw fail("\(Self.describe(nodes[i], index: i)) is reached twice: the graph has a cycle") }
            let node = nodes[i]
            try apply(node, index: i, value: current)
            for extra in node.output.dropFirst() where !extra.isEmpty && (consumers[extra] != nil || extra == output) {
                throw fail("\(Self.describe(node, index: i)) output '\(extra)' is used; nnviz reads a chain of layers, not a branching graph")
            }
            current = node.output[0]
        }
        if let i = nodes.indices.first(where: { !visited.contains($0) }) {
            throw fail("\(Self.describe(nodes[i], index: i)) is off the chain from input '\(input.name)' to output '\(output)'; "
                       + "nnviz reads a chain of layers, not a branching graph")
        }
        guard !layers.isEmpty else { throw fail("has no Gemm or MatMul node; nnviz draws networks of dense layers") }
        guard layers.count <= limits.maxLayers else {
            throw fail("has \(layers.count) layers, more than the limit of \(limits.maxLayers)")
        }
        finishLayer()
        return layers
    }

    /// The input's feature count when its shape says (nil when the dimension is symbolic or the shape absent).
    func inputWidth(_ input: Onnx_ValueInfoProto) throws(NNVizError) -> Int? {
        guard input.hasType, case .tensorType(let t)? = input.type.value else {
            throw fail("input '\(input.name)' is not a tensor; nnviz reads inputs of shape [batch, features]")
        }
        guard [0, 1, 10, 11, 16].contains(t.elemType) else {
            throw fail("input '\(input.name)' holds \(ONNXTensor.dataTypeNames[t.elemType] ?? String(t.elemType)) values; "
                       + "nnviz reads float inputs of shape [batch, features]")
        }
        guard t.hasShape else { return nil }
        let dims = t.shape.dim.map { d -> String in
            switch d.value {
            case .dimValue(let v)?: return String(v)
            case .dimParam(let p)?: return p.isEmpty ? "?" : p
            case nil: return "?"
            }
        }
        guard dims.count == 2 else {
            throw fail("input '\(input.name)' has shape [\(dims.joined(separator: ", "))]; nnviz reads inputs of shape [batch, features]")
        }
        if case .dimValue(let v)? = t.shape.dim[1].value {
            guard v > 0, v <= Int64(limits.maxParameters) else {
                throw fail("input '\(input.name)' has shape [\(dims.joined(separator: ", "))]; nnviz reads inputs of shape [batch, features]")
            }
            return Int(v)
        }
        return nil
    }

    /// A weight input of `node`: an initializer or a Constant's value, finite.
    func weight(_ name: String, of node: String, role: String) throws(NNVizError) -> NamedTensor {
        guard let t = constants[name] else {
            throw fail("\(node) takes '\(name)' as \(role), another node's output, not a weight; nnviz reads a chain of "
                       + "layers, not a branching graph")
        }
        let tensor = try ONNXTensor.read(t, name: name, path: path, limits: limits)
        try StateDictNetwork.checkFinite(tensor, path: path)
        return tensor
    }

    func attribute(_ node: Onnx_NodeProto, _ name: String) -> Onnx_AttributeProto? {
        node.attribute.first { $0.name == name }
    }

    /// Applies one node on the chain; `value` is the chain's value it reads.
    mutating func apply(_ node: Onnx_NodeProto, index: Int, value: String) throws(NNVizError) {
        let what = Self.describe(node, index: index)
        let nodeName = node.name.isEmpty ? "#\(index)" : node.name
        var fate: Fate?
        defer { if let fate { record.append((nodeName, node.opType, fate)) } }
        guard Self.supported(node), node.opType != "Constant" else { throw fail("\(what) is not a dense layer: \(Self.vocabulary)") }
        guard !(node.output.first ?? "").isEmpty else { throw fail("\(what) has no output") }
        switch node.opType {
        case "Gemm":
            try gemm(node, what: what, value: value)
            let transB = attribute(node, "transB")?.i ?? 0
            let alpha = attribute(node, "alpha")?.f ?? 1, beta = attribute(node, "beta")?.f ?? 1
            var detail = transB == 1 ? "weights transposed from (out, in)" : "weights"
            if node.input.count == 3, !node.input[2].isEmpty { detail += ", bias" }
            if alpha != 1 { detail += ", alpha \(alpha)" }
            if beta != 1 { detail += ", beta \(beta)" }
            fate = .layer(layers.count - 1, detail)
        case "MatMul":
            guard node.input.count == 2, node.input[0] == value else {
                throw fail("\(what) does not multiply '\(value)' by a weight on its right; nnviz reads layers x·W + b")
            }
            let w = try weight(node.input[1], of: what, role: "its weight B")
            try startLayer(w, transposed: false, scale: 1, bias: nil, node: what)
            fate = .layer(layers.count - 1, "weights")
        case "Add":
            guard node.input.count == 2, let side = node.input.firstIndex(of: value) else { throw fail("\(what) does not add two values") }
            let b = try weight(node.input[1 - side], of: what, role: "its bias")
            try addBias(b, scale: 1, what: what)
            fate = .folded(layers.count - 1, "bias")
        case "Relu", "Sigmoid", "Tanh", "Softmax", "LeakyRelu":
            try activate(node, what: what)
            fate = .folded(layers.count - 1, layers.last?.activation?.label ?? "activation")
        case "Identity", "Dropout":
            folded.append(what)
            fate = .skipped("identity at inference")
        case "Flatten":
            let axis = attribute(node, "axis")?.i ?? 1
            guard axis == 1 || axis == -1 else {
                throw fail("\(what) has axis \(axis); nnviz reads Flatten of [batch, features] values only along axis 1")
            }
            folded.append(what)
            fate = .skipped("identity on a [batch, features] value")
        default:
            throw fail("\(what) is not a dense layer: \(Self.vocabulary)")
        }
    }

    mutating func gemm(_ node: Onnx_NodeProto, what: String, value: String) throws(NNVizError) {
        guard (2...3).contains(node.input.count), node.input[0] == value else {
            throw fail("\(what) does not take '\(value)' as its input A; nnviz reads layers x·W + b")
        }
        let transA = attribute(node, "transA")?.i ?? 0, transB = attribute(node, "transB")?.i ?? 0
        guard transA == 0 else { throw fail("\(what) has transA = \(transA); nnviz reads Gemm layers of [batch, features] inputs (transA = 0)") }
        guard transB == 0 || transB == 1 else { throw fail("\(what) has transB = \(transB); expected 0 or 1") }
        let alpha = Double(attribute(node, "alpha")?.f ?? 1), beta = Double(attribute(node, "beta")?.f ?? 1)
        let w = try weight(node.input[1], of: what, role: "its weight B")
        try startLayer(w, transposed: transB == 1, scale: alpha, bias: nil, node: what)
        if node.input.count == 3, !node.input[2].isEmpty {
            try addBias(try weight(node.input[2], of: what, role: "its bias C"), scale: beta, what: what)
        }
    }

    /// Starts a layer from weight `w` (in × out, or out × in when `transposed`), each value times `scale`.
    mutating func startLayer(_ w: NamedTensor, transposed: Bool, scale: Double, bias: [Double]?, node: String) throws(NNVizError) {
        guard w.shape.count == 2, w.shape[0] > 0, w.shape[1] > 0 else {
            throw fail("\(node) has weight '\(w.key)' of shape \(NamedTensor.text(w.shape)); a dense layer's weight is 2-D, neither empty")
        }
        let fanIn = transposed ? w.shape[1] : w.shape[0], fanOut = transposed ? w.shape[0] : w.shape[1]
        if let width, width != fanIn {
            throw fail("\(node) has weight '\(w.key)' of shape \(NamedTensor.text(w.shape)) for \(fanIn) inputs, "
                       + "but the value it reads has \(width) features")
        }
        var weights = w.values
        if transposed {
            for o in 0..<fanOut { for i in 0..<fanIn { weights[i * fanOut + o] = w.values[o * fanIn + i] } }
        }
        if scale != 1 {
            for k in weights.indices { weights[k] *= scale }
            guard weights.allSatisfy(\.isFinite) else { throw fail("\(node) has alpha \(scale), which makes '\(w.key)' overflow") }
        }
        finishLayer()
        layers.append(Pending(name: Self.layerName(w.key), node: node, fanIn: fanIn, fanOut: fanOut, weights: weights,
                              bias: [Double](repeating: 0, count: fanOut), activation: nil))
        width = fanOut
    }

    /// Adds bias `b` (one value per output, or one value for all) to the layer being assembled.
    mutating func addBias(_ b: NamedTensor, scale: Double, what: String) throws(NNVizError) {
        guard var layer = layers.last, layer.activation == nil else {
            throw fail("\(what) adds '\(b.key)' \(layers.isEmpty ? "to the input" : "after an activation"); nnviz's layers add "
                       + "their bias to x·W, before the activation")
        }
        let n = layer.fanOut
        guard b.shape == [n] || b.shape == [1, n] || b.values.count == 1 && b.shape.count <= 2 else {
            throw fail("\(what) adds '\(b.key)' of shape \(NamedTensor.text(b.shape)) to \(n) outputs; a bias has shape (\(n),) or (1, \(n))")
        }
        for k in 0..<n { layer.bias[k] += scale * b.values[b.values.count == 1 ? 0 : k] }
        guard layer.bias.allSatisfy(\.isFinite) else { throw fail("\(what) makes the bias of \(layer.node) overflow") }
        layers[layers.count - 1] = layer
    }

    mutating func activate(_ node: Onnx_NodeProto, what: String) throws(NNVizError) {
        guard let layer = layers.last, layer.activation == nil else {
            throw fail("\(what) follows \(layers.isEmpty ? "the input directly" : "another activation"); "
                       + "nnviz's layers have one activation each, after x·W + b")
        }
        let act: Activation
        switch node.opType {
        case "Relu": act = .relu
        case "Sigmoid": act = .sigmoid
        case "Tanh": act = .tanh
        case "Softmax":
            // Before opset 13, Softmax flattened from `axis` (default 1); on a [batch, features] value axis 1 and -1
            // are both the features.
            let axis = attribute(node, "axis")?.i ?? (opset < 13 ? 1 : -1)
            guard axis == 1 || axis == -1 else {
                throw fail("\(what) has axis \(axis); nnviz's softmax runs over the features (axis 1 or -1)")
            }
            act = .softmax
        default:
            let alpha = attribute(node, "alpha")?.f ?? 0.01
            // ONNX keeps alpha as a float32; the shortest decimal that rounds to it (0.2, not 0.200000003) is the
            // slope the exporter was given.
            guard alpha.isFinite else { throw fail("\(what) has an alpha that is not a finite number") }
            act = .leakyReLU(slope: Double("\(alpha)") ?? Double(alpha))
        }
        layers[layers.count - 1].activation = act
    }

    /// The layer before this one gets its activation: linear when no node gave one.
    mutating func finishLayer() {
        if !layers.isEmpty, layers[layers.count - 1].activation == nil { layers[layers.count - 1].activation = .linear }
    }

    /// A layer's name from its weight's: `0.weight` → `layer 0`, `fc1.weight` → `fc1`, a plain name (`W1`) kept;
    /// names an exporter made up (`onnx::MatMul_12`, `/0/Constant`) give "" (the default name).
    static func layerName(_ key: String) -> String {
        if key.hasSuffix(".weight"), key.count > 7 {
            let prefix = String(key.dropLast(7))
            return prefix.allSatisfy(\.isNumber) ? "layer \(prefix)" : prefix
        }
        return key.contains("::") || key.contains("/") || key.isEmpty ? "" : key
    }
}
