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
    /// Cells per side of the hidden fields.
    public let hiddenResolution: Int
    /// Per hidden layer, `hiddenResolution² × neurons` post-activations, cell-major.
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
    /// `axes`, the other inputs fixed at `slice` (default 0). Tiles of rows run on every core with per-tile
    /// scratch buffers (no allocation per sample), so memory stays at the output field (4 bytes per cell,
    /// 5 with several outputs) plus hidden fields at `hiddenResolution` (≤ 200 by default).
    /// Values equal `forward` on the same points exactly (same accumulation order).
    public func evaluateGrid(axes: (Int, Int) = (0, 1), xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                             resolution: Int, slice: [Double]? = nil, hiddenResolution: Int? = nil) -> GridField {
        precondition(axes.0 >= 0 && axes.0 < inputCount && axes.1 >= 0 && axes.1 < inputCount && axes.0 != axes.1,
                     "grid axes out of range (checked by the caller)")
        let n = Swift.max(1, resolution)
        var base = slice ?? []
        if base.count != inputCount { base = [Double](repeating: 0, count: inputCount) }
        let k = outputCount
        let hn = Swift.max(1, Swift.min(n, hiddenResolution ?? 200))
        let kernel = GridKernel(self)

        var values: [Float] = k == 1 ? [Float](repeating: 0, count: n * n) : []
        var classes: [UInt8] = k > 1 ? [UInt8](repeating: 0, count: n * n) : []
        var margins: [Float] = k > 1 ? [Float](repeating: 0, count: n * n) : []
        let plane = GridPlane(n: n, xRange: xRange, yRange: yRange, axes: axes, base: base)
        values.withUnsafeMutableBufferPointer { vp in
            classes.withUnsafeMutableBufferPointer { cp in
                margins.withUnsafeMutableBufferPointer { mp in
                    let out = GridOutput(values: vp.baseAddress, classes: cp.baseAddress, margins: mp.baseAddress)
                    kernel.run(plane, throughLayer: layers.count - 1) { cell, act in
                        if k == 1 {
                            out.values![cell] = Float(act[0])
                        } else {
                            var best = 0, top = -Double.infinity, second = -Double.infinity
                            for j in 0..<k {
                                let v = act[j]
                                if v > top { second = top; top = v; best = j } else if v > second { second = v }
                            }
                            out.classes![cell] = UInt8(Swift.min(best, 255))
                            out.margins![cell] = Float(top - second)
                        }
                    }
                }
            }
        }

        var hidden: [[Float]] = []
        let hplane = GridPlane(n: hn, xRange: xRange, yRange: yRange, axes: axes, base: base)
        for l in 0..<(layers.count - 1) {
            let w = layers[l].fanOut
            var field = [Float](repeating: 0, count: hn * hn * w)
            field.withUnsafeMutableBufferPointer { fp in
                let out = GridOutput(values: fp.baseAddress, classes: nil, margins: nil)
                kernel.run(hplane, throughLayer: l) { cell, act in
                    for j in 0..<w { out.values![cell * w + j] = Float(act[j]) }
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
struct GridPlane: Sendable {
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
}

/// Destination buffers shared by the tiles; each tile writes only its own cells.
struct GridOutput: @unchecked Sendable {
    let values: UnsafeMutablePointer<Float>?
    let classes: UnsafeMutablePointer<UInt8>?
    let margins: UnsafeMutablePointer<Float>?
}

/// The network's parameters flattened for a tight per-sample loop, read by every tile at once.
final class GridKernel: @unchecked Sendable {
    let weights: [[Double]]
    let biases: [[Double]]
    let fanIn: [Int]
    let fanOut: [Int]
    let activations: [Activation]
    let width: Int

    init(_ network: Network) {
        weights = network.layers.map(\.weights.data)
        biases = network.layers.map(\.bias)
        fanIn = network.layers.map(\.fanIn)
        fanOut = network.layers.map(\.fanOut)
        activations = network.layers.map(\.activation)
        width = Swift.max(network.inputCount, fanOut.max() ?? 1)
    }

    /// Calls `sink(cell, activations of layer last)` for every cell; tiles of 8 rows run concurrently,
    /// each with two scratch rows allocated once per tile.
    func run(_ plane: GridPlane, throughLayer last: Int, _ sink: @Sendable (Int, UnsafeMutablePointer<Double>) -> Void) {
        let tile = 8
        let tiles = (plane.n + tile - 1) / tile
        DispatchQueue.concurrentPerform(iterations: tiles) { t in
            let a = UnsafeMutablePointer<Double>.allocate(capacity: width)
            let z = UnsafeMutablePointer<Double>.allocate(capacity: width)
            defer { a.deallocate(); z.deallocate() }
            let n = plane.n
            for row in (t * tile)..<Swift.min(n, (t + 1) * tile) {
                for col in 0..<n {
                    for i in 0..<plane.base.count { a[i] = plane.base[i] }
                    a[plane.axes.0] = plane.xs[col]
                    a[plane.axes.1] = plane.ys[row]
                    forward(a, z, through: last)
                    sink(row * n + col, a)
                }
            }
        }
    }

    /// One sample through layers `0...last`, in place in `a`: `z = Σₖ a[k]·W[k][j]` (k ascending), `+ b[j]`,
    /// then the activation, exactly as `Network.forward` accumulates.
    @inline(__always)
    func forward(_ a: UnsafeMutablePointer<Double>, _ z: UnsafeMutablePointer<Double>, through last: Int) {
        for li in 0...last {
            let m = fanIn[li], n = fanOut[li]
            weights[li].withUnsafeBufferPointer { wp in
                biases[li].withUnsafeBufferPointer { bp in
                    for j in 0..<n { z[j] = 0 }
                    for k in 0..<m {
                        let av = a[k], row = k * n
                        for j in 0..<n { z[j] += av * wp[row + j] }
                    }
                    for j in 0..<n { z[j] += bp[j] }
                }
            }
            activations[li].apply(UnsafeBufferPointer(start: z, count: n), into: UnsafeMutableBufferPointer(start: a, count: n))
        }
    }
}
