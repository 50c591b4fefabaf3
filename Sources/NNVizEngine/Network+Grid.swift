import Dispatch

/// The network evaluated over a square grid of two inputs: the output field at full resolution and every
/// hidden neuron's field at a reduced resolution for thumbnails. Figures read it; they never run forward.
///
/// Cell `(row, col)` is evaluated at its centre; row 0 is the top (largest y), as images are stored.
public struct GridField: Sendable {
    /// Which inputs vary along x and y.
    public let xInput: Int
    public let yInput: Int
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    /// One value per input; the two varying inputs' entries are ignored.
    public let slice: [Double]
    /// Cells per side of the output field.
    public let resolution: Int
    /// Number of network outputs.
    public let outputCount: Int
    /// The single output's value per cell (`resolution²`, row-major), when the network has one output.
    public let values: [Float]
    /// With several outputs: the predicted class per cell (`DecisionRule.argmax`), and the margin between the top two outputs.
    public let classes: [UInt8]
    public let margins: [Float]
    /// Cells per side of the hidden fields (0 when they were not asked for).
    public let hiddenResolution: Int
    /// Per hidden layer, `hiddenResolution² × neurons` post-activations, cell-major (none when not asked for).
    public let hidden: [[Float]]

    /// The input value at the centre of column `col` (x) or row `row` (y) of a grid with `n` cells per side.
    public static func coordinate(_ i: Int, of n: Int, in r: ClosedRange<Double>, flipped: Bool) -> Double {
        let t = (Double(i) + 0.5) / Double(n)
        return flipped ? r.upperBound - t * (r.upperBound - r.lowerBound) : r.lowerBound + t * (r.upperBound - r.lowerBound)
    }

    /// The full input vector at a cell of a grid with `n` cells per side.
    public func input(row: Int, col: Int, n: Int) -> [Double] {
        var v = slice
        v[xInput] = GridField.coordinate(col, of: n, in: xRange, flipped: false)
        v[yInput] = GridField.coordinate(row, of: n, in: yRange, flipped: true)
        return v
    }
}

extension Network {
    /// Evaluates the network on `resolution × resolution` cell centres over `xRange × yRange` of inputs
    /// `axes`, the other inputs fixed at `slice` (default 0). Bands of grid rows go through `evaluateOutputs`
    /// (the bands spread over the cores, no allocation per sample), so memory stays at the output field (4 bytes per cell,
    /// 5 with several outputs) plus one band per core and the hidden fields at `hiddenResolution` (≤ 200 by default).
    /// Values equal `forward` on the same points exactly. `hiddenResolution: 0` skips the hidden fields (a figure
    /// without neuron thumbnails). `progress(done, total)` is called as bands of rows of the main grid finish (for a progress
    /// bar): `done` grows to `total`, possibly from several workers, one call at a time.
    public func evaluateGrid(axes: (Int, Int) = (0, 1), xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                             resolution: Int, slice: [Double]? = nil, hiddenResolution: Int? = nil,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) -> GridField {
        precondition(axes.0 >= 0 && axes.0 < inputCount && axes.1 >= 0 && axes.1 < inputCount && axes.0 != axes.1,
                     "grid axes out of range (checked by the caller)")
        let n = Swift.max(1, resolution)
        var base = slice ?? []
        if base.count != inputCount { base = [Double](repeating: 0, count: inputCount) }
        let k = outputCount
        let hn = hiddenResolution == 0 ? 0 : Swift.max(1, Swift.min(n, hiddenResolution ?? 200))
        let plane = GridPlane(n: n, xRange: xRange, yRange: yRange, axes: axes, base: base)

        var values: [Float] = k == 1 ? [Float](repeating: 0, count: n * n) : []
        var classes: [UInt8] = k > 1 ? [UInt8](repeating: 0, count: n * n) : []
        var margins: [Float] = k > 1 ? [Float](repeating: 0, count: n * n) : []
        values.withUnsafeMutableBufferPointer { vb in
            classes.withUnsafeMutableBufferPointer { cb in
                margins.withUnsafeMutableBufferPointer { mb in
                    // Bands write disjoint cells, so the sink may run on several workers at once.
                    let out = GridOutputs(values: vb.baseAddress, classes: cb.baseAddress, margins: mb.baseAddress)
                    plane.evaluate(self, progress: progress) { first, o in
                        let cells = o.count / k
                        if k == 1 {
                            guard let v = out.values else { return }
                            for cell in 0..<cells { v[first + cell] = Float(o[cell]) }
                            return
                        }
                        guard let c = out.classes, let m = out.margins else { return }
                        for cell in 0..<cells {
                            let t = DecisionRule.topTwo(UnsafeBufferPointer(rebasing: o[(cell * k)..<((cell + 1) * k)]))
                            c[first + cell] = UInt8(Swift.min(t.index, 255))
                            m[first + cell] = Float(t.top - t.second)
                        }
                    }
                }
            }
        }
        // Hidden fields: the network cut after each hidden layer, on the coarser grid.
        var hidden: [[Float]] = []
        let hplane = GridPlane(n: hn, xRange: xRange, yRange: yRange, axes: axes, base: base)
        for l in 0..<(hn > 0 ? layers.count - 1 : 0) {
            let w = layers[l].fanOut
            let head = Network(name: name, inputLabels: inputLabels, uncheckedLayers: Array(layers[0...l]))
            var field = [Float](repeating: 0, count: hn * hn * w)
            field.withUnsafeMutableBufferPointer { fb in
                let out = GridOutputs(values: fb.baseAddress, classes: nil, margins: nil)
                hplane.evaluate(head) { first, o in
                    guard let f = out.values else { return }
                    for i in 0..<o.count { f[first * w + i] = Float(o[i]) }
                }
            }
            hidden.append(field)
        }
        return GridField(xInput: axes.0, yInput: axes.1, xRange: xRange, yRange: yRange, slice: base, resolution: n,
                         outputCount: k, values: values, classes: classes, margins: margins,
                         hiddenResolution: hn, hidden: hidden)
    }
}

/// The cell centres of one grid and the fixed inputs.
struct GridPlane {
    let n: Int
    let xs: [Double]
    let ys: [Double]
    let axes: (Int, Int)
    let base: [Double]

    init(n: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, axes: (Int, Int), base: [Double]) {
        self.n = n
        xs = (0..<n).map { GridField.coordinate($0, of: n, in: xRange, flipped: false) }
        ys = (0..<n).map { GridField.coordinate($0, of: n, in: yRange, flipped: true) }
        self.axes = axes
        self.base = base
    }

    /// Runs `network` on every cell, in bands of rows (about 64k cells, so a band's inputs and outputs stay a few
    /// MB), the bands spread over every core, each evaluated on its worker without further splitting. Each band's
    /// outputs (cells × outputs, row-major) go to `sink` with the index of its first cell; bands cover disjoint
    /// cells, and `sink` may be called from several workers at once.
    func evaluate(_ network: Network, progress: (@Sendable (Int, Int) -> Void)? = nil,
                  _ sink: @Sendable (Int, UnsafeBufferPointer<Double>) -> Void) {
        let m = base.count, k = network.outputCount, n = n
        let bandRows = Swift.max(1, Swift.min(n, 65_536 / n))
        let bands = (n + bandRows - 1) / bandRows
        let xs = xs, ys = ys, axes = axes, base = base
        let finished = RowCounter()
        DispatchQueue.concurrentPerform(iterations: bands) { band in
            let row = band * bandRows
            let rows = Swift.min(bandRows, n - row)
            let cells = rows * n
            let input = UnsafeMutableBufferPointer<Double>.allocate(capacity: cells * m)
            let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: cells * k)
            defer { input.deallocate(); output.deallocate() }
            for r in 0..<rows {
                for c in 0..<n {
                    let o = (r * n + c) * m
                    for i in 0..<m { input[o + i] = base[i] }
                    input[o + axes.0] = xs[c]
                    input[o + axes.1] = ys[row + r]
                }
            }
            network.evaluateOutputs(rows: cells, input: UnsafeBufferPointer(input), into: output, parallel: false)
            sink(row * n, UnsafeBufferPointer(output))
            if let progress { finished.add(rows) { progress($0, n) } }
        }
    }
}

/// The grid's output arrays, written by the bands of `GridPlane.evaluate` (each band only its own cells).
private struct GridOutputs: @unchecked Sendable {
    let values: UnsafeMutablePointer<Float>?
    let classes: UnsafeMutablePointer<UInt8>?
    let margins: UnsafeMutablePointer<Float>?
}

/// Rows finished so far, reported one call at a time in increasing order.
private final class RowCounter: @unchecked Sendable {
    private var done = 0
    private let lock = DispatchSemaphore(value: 1)

    func add(_ rows: Int, _ report: (Int) -> Void) {
        lock.wait(); defer { lock.signal() }
        done += rows
        report(done)
    }
}
