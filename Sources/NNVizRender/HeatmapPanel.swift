import NNVizEngine

/// One panel of a heatmap: a matrix of values with its row and column labels, title and colour scale.
struct HeatmapPanel {
    let title: String
    /// `rows × cols` values, row-major.
    let values: [Double]
    let rows: Int
    let cols: Int
    var rowLabels: [String]
    let colLabels: [String]
    let scale: ColorScale
    let name: String

    func value(_ r: Int, _ c: Int) -> Double { values[r * cols + c] }
}

extension Heatmap {
    /// The sample order: as given, or sorted by predicted class (`DecisionRule.argmax`; a single output by its value).
    public var sampleOrder: [Int] {
        guard let t = trace else { return [] }
        let n = t.batchSize
        guard options.sort, n > 1 else { return Array(0..<n) }
        let out = t.output
        func key(_ i: Int) -> (Int, Double) {
            if out.cols == 1 { return (0, out[i, 0]) }
            let best = DecisionRule.argmax(out.row(i))
            return (best, -out[i, best])
        }
        let keys = (0..<n).map(key)
        return (0..<n).sorted { a, b in
            keys[a].0 != keys[b].0 ? keys[a].0 < keys[b].0 : (keys[a].1 != keys[b].1 ? keys[a].1 < keys[b].1 : a < b)
        }
    }

    /// A row's label: the sample index, followed by its inputs for small batches of few inputs (`2 · (1, 0)`).
    func rowLabel(_ i: Int, _ t: Trace) -> String {
        guard t.batchSize <= 16, network.inputCount <= 4 else { return String(i) }
        let integral = t.input.data.allSatisfy { $0 == $0.rounded() && abs($0) < 1e6 }
        let values = t.input.row(i).map { LabelFormat.fixed($0, integral ? 0 : 2) }
        return "\(i) · (" + values.joined(separator: ", ") + ")"
    }

    /// Layers shown, counting the input as 0 (out-of-range entries are dropped).
    var shownLayers: [Int] {
        let L = network.layers.count
        let asked = options.layers ?? Array(1...L)
        let lower = options.mode == .activations ? 0 : 1
        return asked.filter { $0 >= lower && $0 <= L }
    }

    func activationPanels() -> [HeatmapPanel] {
        guard let t = trace else { return [] }
        let order = sampleOrder
        let rowLabels = order.map { rowLabel($0, t) }
        return shownLayers.map { k in
            let m: Matrix = k == 0 ? t.input : (options.pre ? t.pre[k - 1] : t.post[k - 1])
            var vals = [Double](); vals.reserveCapacity(order.count * m.cols)
            for r in order { vals.append(contentsOf: m.row(r)) }
            let labels = k == 0 ? network.inputLabels : network.layers[k - 1].neuronLabels
            let title: String
            let scale: ColorScale
            if k == 0 {
                title = "input · \(network.inputCount)"
                scale = Heatmap.dataScale(vals, bounded: nil, label: "input x")
            } else {
                let l = network.layers[k - 1]
                title = "\(l.name) · \(l.activation.label) · \(l.fanOut)"
                if options.pre {
                    scale = .diverging(center: 0, covering: vals, label: "pre-activation z")
                } else {
                    let bounded: ClosedRange<Double>? = [.sigmoid, .step, .softmax].contains(l.activation) ? 0...1
                        : (l.activation == .tanh ? -1...1 : nil)
                    scale = Heatmap.dataScale(vals, bounded: bounded, label: "activation a = \(l.activation.label)(z)")
                }
            }
            return HeatmapPanel(title: title, values: vals, rows: order.count, cols: m.cols, rowLabels: rowLabels,
                                colLabels: labels, scale: scale, name: "layer \(k)")
        }
    }

    func weightPanels() -> [HeatmapPanel] {
        let ks = shownLayers
        var m = 0.0
        for k in ks { for w in network.layers[k - 1].weights.data where w.isFinite { m = Swift.max(m, abs(w)) } }
        let scale = ColorScale.diverging(center: 0, covering: [m], label: "weight w")
        return ks.map { k in
            let l = network.layers[k - 1]
            let inputs = k == 1 ? network.inputLabels : network.layers[k - 2].neuronLabels
            return HeatmapPanel(title: "\(l.name) · \(l.fanIn) × \(l.fanOut)", values: l.weights.data, rows: l.fanIn,
                                cols: l.fanOut, rowLabels: inputs, colLabels: l.neuronLabels, scale: scale, name: "layer \(k)")
        }
    }

    /// Viridis from 0 (or the bounded activation's range) for non-negative data; diverging around 0 otherwise.
    static func dataScale(_ v: [Double], bounded: ClosedRange<Double>?, label: String) -> ColorScale {
        var lo = Double.infinity, hi = -Double.infinity
        for x in v where x.isFinite { lo = Swift.min(lo, x); hi = Swift.max(hi, x) }
        if !lo.isFinite { lo = 0; hi = 1 }
        if let b = bounded {
            if b.lowerBound < 0 { return .diverging(center: 0, halfRange: 1, label: label) }
            return .sequential(b.lowerBound, b.upperBound, label: label)
        }
        if lo >= 0 { return .sequential(0, ColorScale.niceCeiling(hi), label: label) }
        return .diverging(center: 0, covering: [lo, hi], label: label)
    }
}
