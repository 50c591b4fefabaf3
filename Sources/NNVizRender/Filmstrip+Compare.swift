import NNVizEngine

extension Filmstrip {
    /// The networks-compared figure of `nnviz compare`: each network's decision regions on one plane and one colour
    /// scale, every panel titled with the network's name, its shape and activations and, with `dataset`, its accuracy
    /// there as a percentage (`2 → 2 → 1 · step, step · 100 %`). With `neurons` each network's row also shows its
    /// hidden neurons' own regions, small, on one scale per activation shared by every network.
    ///
    /// Each network is validated and evaluated by `RegionPlot.make`, the regions figure's own builder; `sources`
    /// name the networks in errors (one per network), `dataSource` the dataset. Ranges default to the dataset's.
    public static func comparison(networks: [Network], sources: [String], dataset: Dataset?, dataSource: String? = nil,
                                  xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, resolution: Int,
                                  neurons: Bool = false, options: FigureOptions = FigureOptions()) throws(NNVizError) -> Filmstrip {
        let defaults = RegionPlot.defaultRanges(data: dataset?.points, axes: (0, 1))
        let xr = xRange ?? defaults.x, yr = yRange ?? defaults.y
        var fields: [SnapshotField] = []
        var headers: [PanelHeader] = []
        for (i, net) in networks.enumerated() {
            let source = i < sources.count ? sources[i] : net.name
            let plot = try RegionPlot.make(network: net, dataset: dataset, xRange: xr, yRange: yr, resolution: resolution,
                                           options: RegionOptions(figure: options, neurons: neurons),
                                           networkSource: source, dataSource: dataSource)
            fields.append(SnapshotField(epoch: i, network: net, field: plot.field, trace: plot.trace))
            var stats = net.sizes.map(String.init).joined(separator: " → ") + " · "
                + net.layers.map(\.activation.label).joined(separator: ", ")
            if let d = dataset, let t = plot.trace, d.labels.count > 0 {
                let predicted = t.predictedClasses(net.decisionRule)
                let correct = zip(predicted, d.labels).filter { $0 == $1 }.count
                stats += " · " + percent(correct, of: d.labels.count)
            }
            headers.append(PanelHeader(title: net.name, stats: stats))
        }
        var o = options
        if o.title == nil { o.title = "Decision regions compared" }
        var strip = Filmstrip(snapshots: fields, history: [], data: dataset?.points, labels: dataset?.labels ?? [], options: o)
        strip.headers = headers
        strip.neurons = neurons
        let scaleNote = strip.hasMixedScales ? "each on its own scale, white at its threshold" : "one colour scale"
        strip.panelsDescription = "\(fields.count) networks · " + scaleNote + (neurons ? " · hidden neurons beside each" : "")
            + (dataset.map { " · accuracy on " + $0.name } ?? "")
        return strip
    }

    /// A share as a percentage without a trailing `.0`: `100 %`, `75 %`, `66.7 %`.
    public static func percent(_ correct: Int, of total: Int) -> String {
        var s = NumberFormat.fixed(Double(correct) * 100 / Double(total), decimals: 1)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s + " %"
    }
}
