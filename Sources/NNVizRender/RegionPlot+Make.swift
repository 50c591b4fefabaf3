import NNVizEngine

extension RegionPlot {
    /// Refuses a network with fewer than two inputs, which has no plane to shade; `source` names the network.
    public static func checkInputs(_ network: Network, source: String) throws(NNVizError) {
        guard network.inputCount >= 2 else {
            throw NNVizError(source, "", "regions needs two inputs to vary but \(network.name) has \(network.inputCount)")
        }
    }

    /// Refuses a dataset that does not fit `network`: points of another width, or a class the network cannot
    /// predict (classes 0 and 1 for one output, 0 to outputs − 1 for several); `source` names the dataset.
    public static func checkDataset(_ data: Dataset, for network: Network, source: String) throws(NNVizError) {
        guard data.points.cols == network.inputCount else {
            throw NNVizError(source, "", "points have \(data.points.cols) values but \(network.name) takes \(network.inputCount) inputs")
        }
        let classes = Swift.max(2, network.outputCount)
        if let (i, k) = data.labels.enumerated().first(where: { $0.element < 0 || $0.element >= classes }) {
            throw NNVizError(source, "sample \(i)", "class \(k) but \(network.name) predicts classes 0 to \(classes - 1)")
        }
    }

    /// Refuses a plane whose inputs overflow a pre-activation (a range such as -1e308:1e308, a huge slice), which
    /// the grid would otherwise draw as a flat, wrong field: the checked forward pass runs on the plane's corners
    /// and centre, where the first (affine) layer's largest |z| lies, and the error names the point and neuron
    /// (then the advice for a plane, `ForwardInputs.plane`).
    public static func checkPlane(_ net: Network, axes: (Int, Int), x: ClosedRange<Double>, y: ClosedRange<Double>,
                                  slice: [Double]) throws(NNVizError) {
        let xs = [x.lowerBound, x.upperBound, x.lowerBound / 2 + x.upperBound / 2]
        let ys = [y.lowerBound, y.upperBound, y.lowerBound / 2 + y.upperBound / 2]
        for (px, py) in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 2)].map({ (xs[$0.0], ys[$0.1]) }) {
            var sample = Matrix(rows: 1, cols: slice.count)
            for (i, v) in slice.enumerated() { sample[0, i] = v }
            sample[0, axes.0] = px
            sample[0, axes.1] = py
            do {
                _ = try net.forward(sample, source: "regions", inputs: .plane)
            } catch {
                let at = "at \(net.inputLabels[axes.0]) = \(px), \(net.inputLabels[axes.1]) = \(py)"
                throw NNVizError("regions", at, error.message)
            }
        }
    }

    /// The decision-region figure of `network`, validated and evaluated: the one way the `regions` command, reports
    /// and library callers build it.
    ///
    /// Checks that the network has two inputs to vary, that `axes` (0-based) are two different inputs, that `slice`
    /// (when given) holds one value per input, that `dataset` fits (`checkDataset`) and that no pre-activation
    /// overflows on the plane (`checkPlane`); then evaluates the grid (`resolution` cells a side, hidden fields when
    /// `options.neurons`) and the dataset's forward pass. Ranges default to `defaultRanges` of the dataset.
    /// `networkSource` and `dataSource` name the inputs in errors; `progress` is `evaluateGrid`'s.
    public static func make(network: Network, dataset: Dataset? = nil, xRange: ClosedRange<Double>? = nil,
                            yRange: ClosedRange<Double>? = nil, axes: (Int, Int) = (0, 1), slice: [Double]? = nil,
                            resolution: Int, options: RegionOptions = RegionOptions(),
                            networkSource: String? = nil, dataSource: String? = nil,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws(NNVizError) -> RegionPlot {
        let source = networkSource ?? network.name
        try checkInputs(network, source: source)
        let n = network.inputCount
        guard axes.0 >= 0, axes.0 < n, axes.1 >= 0, axes.1 < n, axes.0 != axes.1 else {
            throw NNVizError(source, "", "the axes must be two different inputs between 1 and \(n), got \(axes.0 + 1) and \(axes.1 + 1)")
        }
        let base = slice ?? [Double](repeating: 0, count: n)
        guard base.count == n else {
            throw NNVizError(source, "", "the slice has \(base.count) values but \(network.name) takes \(n) inputs")
        }
        guard resolution >= 2 else {
            throw NNVizError(source, "", "the grid needs at least 2 cells a side, got \(resolution)")
        }
        if let dataset { try checkDataset(dataset, for: network, source: dataSource ?? dataset.name) }
        let defaults = defaultRanges(data: dataset?.points, axes: axes)
        let x = xRange ?? defaults.x, y = yRange ?? defaults.y
        for (axis, r) in [("x", x), ("y", y)] where !(r.lowerBound < r.upperBound && (r.upperBound - r.lowerBound).isFinite) {
            throw NNVizError(source, "", "the \(axis) range \(r) must be finite and wider than 0")
        }
        try checkPlane(network, axes: axes, x: x, y: y, slice: base)
        let field = network.evaluateGrid(axes: axes, xRange: x, yRange: y, resolution: resolution, slice: base,
                                         hiddenResolution: options.neurons ? nil : 0, progress: progress)
        let trace = try dataset.map { d throws(NNVizError) in try network.forward(d.points, source: dataSource ?? d.name) }
        return RegionPlot(network: network, field: field, data: dataset?.points, labels: dataset?.labels ?? [], trace: trace,
                          options: options)
    }
}
