import NNVizSystem
import NNVizCairo
import NNVizEngine
import NNVizRender
import NNVizScene

/// Builds a report's figures as scenes with their words: the layer diagram (the first sample's forward pass when
/// there are samples), the activation heatmap of the batch, the weight heatmaps and, for two-input networks, the
/// decision regions (of inputs 1 and 2, or of the report's plane) with hidden-neuron small multiples and the dataset overlaid, the first hidden neuron's anatomy for
/// the first sample, and the activation functions the network uses (with their derivatives).
enum ReportFigures {
    /// Tallest activation heatmap of a report at `scale`: within the canvas limit, so a batch of 40,000 samples
    /// shares pixels (block-averaged) instead of being refused; the report has no `--height` to give.
    static func heatmapHeight(_ scale: Double) -> Double { (Double(CairoPainter.maxSide) / Swift.max(1, scale)).rounded(.down) }

    /// The figures of `input`, numbered from 1, laid out with `measurer`; PNGs are painted at `scale`.
    static func build(_ input: ReportInput, trace: Trace?, measurer: any TextMeasurer, scale: Double,
                      theme: Theme = .light) throws(NNVizError) -> [ReportFigure] {
        let net = input.network
        let o = FigureOptions(theme: theme)
        var figures: [ReportFigure] = []
        func add(_ id: String, _ text: FigureText, _ figure: some Figure) {
            figures.append(ReportFigure(number: figures.count + 1, id: id, text: text, scene: columnScene(figure, measurer: measurer)))
        }
        if let t = input.training {
            let figs = TrainingFigures(result: t.result, dataset: t.dataset, snapshots: t.snapshots, frameEpochs: [],
                                       options: o, scale: scale)
            add("loss", FigureText.loss(t), figs.loss)
            if let strip = figs.filmstrip { add("filmstrip", FigureText.filmstrip(t), strip) }
            if let w = figs.trajectories { add("weight-trajectories", FigureText.trajectories(t), w) }
        }
        func text(_ words: FigureText) -> FigureText { input.training.map { words.trained($0) } ?? words }
        let batch = trace.flatMap { $0.batchSize > 0 ? $0 : nil }
        add("diagram", text(FigureText.diagram(net, trace: batch)), LayerDiagram(network: net, trace: batch, sample: 0, options: DiagramOptions(figure: o)))
        if let batch {
            add("activations", text(FigureText.activations(net, trace: batch)),
                Heatmap(network: net, trace: batch, options: HeatmapOptions(figure: o, mode: .activations, maxHeight: heatmapHeight(scale))))
        }
        add("weights", text(FigureText.weights(net)), Heatmap(network: net, trace: nil, options: HeatmapOptions(figure: o, mode: .weights)))
        if input.hasRegions {
            let data = input.dataset.flatMap { $0.points.cols == net.inputCount ? $0 : nil }
            let options = RegionOptions(figure: o, neurons: net.layers.count > 1)
            let plane = input.plane
            let plot = try RegionPlot.make(network: net, dataset: data, axes: plane.map { ($0.x, $0.y) } ?? (0, 1), slice: plane?.slice,
                                           resolution: options.defaultResolution(scale: scale),
                                           options: options, networkSource: input.source,
                                           dataSource: data.map { "\(Setting.data) \($0.name)" })
            add("regions", text(FigureText.regions(plot, datasetName: data?.name)), plot)
        }
        if let batch {
            // The first hidden neuron (the output when there is no hidden layer) at work on sample 0.
            let anatomy = NeuronAnatomy(network: net, trace: batch, sample: 0, layer: 0, neuron: 0)
            let neuron = NeuronFigure(network: net, anatomy: anatomy, sample: Array(batch.input.row(0)), options: o)
            add("neuron", FigureText.neuron(neuron), neuron)
        }
        let used = curveActivations(net)
        if !used.isEmpty {
            let curves = ActivationCurves(functions: used, derivatives: true, options: o)
            add("activation-functions", FigureText.activationCurves(curves), curves)
        }
        return figures
    }

    /// The figure's scene, within the page's column when it can be: a figure wider than `ReportPage.displayWidth`
    /// is laid out again that wide at the same text size, on the first of a few canvases from its own height to
    /// twice it on which nothing collides, so every figure of a page is shown at one magnification. One that
    /// cannot reflow keeps its width (the page scrolls it rather than shrink its text).
    static func columnScene(_ figure: some Figure, measurer: any TextMeasurer) -> Scene {
        let natural = figure.scene(measurer: measurer)
        let w = ReportPage.displayWidth
        guard natural.width > w else { return natural }
        for k in [1.0, 1.25, 1.5, 1.75, 2] {
            if let s = figure.scene(width: w, height: (natural.height * k).rounded(), measurer: measurer) { return s }
        }
        return natural
    }

    /// The activations the network's layers use, in order of first use, that have a curve (not softmax).
    static func curveActivations(_ net: Network) -> [Activation] {
        var used: [Activation] = []
        for l in net.layers where l.activation != .softmax && !used.contains(l.activation) { used.append(l.activation) }
        return used
    }
}
