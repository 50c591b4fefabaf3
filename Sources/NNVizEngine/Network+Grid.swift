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
    /// With several outputs: the arg-max output per cell, and the margin between the top two outputs.
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
    /// (tiled, on every core, no allocation per sample), so memory stays at the output field (4 bytes per cell,
    /// 5 with several outputs) plus one band and the hidden fields at `hiddenResolution` (≤ 200 by default).
    /// Values equal `forward` on the same points exactly. `hiddenResolution: 0` skips the hidden fields (a figure
    /// without neuron thumbnails). `progress(done, total)` is called after each band of rows of the main grid (for a
    /// progress bar), on the calling thread.
    public func evaluateGrid(axes: (Int, Int) = (0, 1), xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                             resolution: Int, slice: [Double]? = nil, hiddenResolution: Int? = nil,
                             progress: ((Int, Int) -> Void)? = nil) -> GridField {
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
        plane.evaluate(self, progress: progress) { first, out in
            let cells = out.count / k
            if k == 1 {
                values.withUnsafeMutableBufferPointer { v in
                    for cell in 0..<cells { v[first + cell] = Float(out[cell]) }
                }
                return
            }
            classes.withUnsafeMutableBufferPointer { cb in
                margins.withUnsafeMutableBufferPointer { mb in
                    for cell in 0..<cells {
                        var best = 0, top = -Double.infinity, second = -Double.infinity
                        for j in 0..<k {
                            let v = out[cell * k + j]
                            if v > top { second = top; top = v; best = j } else if v > second { second = v }
                        }
                        cb[first + cell] = UInt8(Swift.min(best, 255))
                        mb[first + cell] = Float(top - second)
                    }
                }
            }
        }
        // Hidden fields: the network cut after each hidden layer, on the coarser grid.
        var hidden: [[Float]] = []
        let hplane = GridPlane(n: hn, xRange: xRange, yRange: yRange, axes: axes, base: base)
        for l in 0..<(hn > 0 ? layers.count - 1 : 0) {
            let w = layers[l].fanOut
            let head = Network(name: name, inputLabels: inputLabels, layers: Array(layers[0...l]))
            var field = [Float](repeating: 0, count: hn * hn * w)
            hplane.evaluate(head) { first, out in
                field.withUnsafeMutableBufferPointer { f in
                    for i in 0..<out.count { f[first * w + i] = Float(out[i]) }
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

    /// Runs `network` on every cell, a band of rows at a time (about 64k cells, so the band's inputs and
    /// outputs stay a few MB), and hands each band's outputs (cells × outputs, row-major) to `sink` with the index of
    /// its first cell, band after band.
    func evaluate(_ network: Network, progress: ((Int, Int) -> Void)? = nil, _ sink: (Int, UnsafeBufferPointer<Double>) -> Void) {
        let m = base.count, k = network.outputCount
        let bandRows = Swift.max(1, Swift.min(n, 65_536 / n))
        var input = [Double](repeating: 0, count: bandRows * n * m)
        var output = [Double](repeating: 0, count: bandRows * n * k)
        var row = 0
        while row < n {
            let rows = Swift.min(bandRows, n - row)
            let cells = rows * n
            for r in 0..<rows {
                for c in 0..<n {
                    let o = (r * n + c) * m
                    for i in 0..<m { input[o + i] = base[i] }
                    input[o + axes.0] = xs[c]
                    input[o + axes.1] = ys[row + r]
                }
            }
            input.withUnsafeBufferPointer { ip in
                output.withUnsafeMutableBufferPointer { op in
                    network.evaluateOutputs(rows: cells, input: UnsafeBufferPointer(rebasing: ip[0..<(cells * m)]),
                                            into: UnsafeMutableBufferPointer(rebasing: op[0..<(cells * k)]))
                }
            }
            output.withUnsafeBufferPointer { op in sink(row * n, UnsafeBufferPointer(rebasing: op[0..<(cells * k)])) }
            row += rows
            progress?(row, n)
        }
    }
}
