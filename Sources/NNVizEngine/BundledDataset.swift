#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bundled datasets: the two-dimensional teaching sets of TensorFlow Playground and `blobs`, generated
/// deterministically from a seed with NumPy's legacy generator, and Fisher's iris table.
/// `Tests/NNVizEngineTests/Fixtures/make_datasets.py` is the reference the generated ones match bit for bit.
///
/// In the two-class sets class 1 is the "positive" set (XOR's true corners, the inner circle, the lower moon, the
/// first spiral arm, the upper-right cloud); class 0 the other. `blobs` has K classes (3 unless `blobs:K`), `iris`
/// the three species.
public struct BundledDataset: Sendable {
    /// How a dataset is made: points drawn from a seed, points of K classes drawn from a seed, or a fixed table.
    private enum Source: Sendable {
        case points(@Sendable (_ count: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)])
        case classes(@Sendable (_ count: Int, _ classes: Int, _ rng: inout NumPyRandom) -> [(Double, Double, Int)])
        case table(features: Int, tenths: [UInt8], labels: [Int])
    }

    public let name: String
    /// One line for `nnviz datasets`.
    public let summary: String
    /// Samples generated when no `:COUNT` is given (for `blobs`, with its default three classes).
    public let defaultCount: Int
    private let source: Source

    /// The class counts a `NAME:K` may ask for, for a dataset whose suffix is a class count (`blobs`); `nil` when the
    /// suffix is a sample count.
    public var classRange: ClosedRange<Int>? {
        if case .classes = source { return BundledDataset.blobClasses }
        return nil
    }

    /// Whether the dataset is a fixed table (`iris`) that takes no count.
    public var isTable: Bool {
        if case .table = source { return true }
        return false
    }

    /// Features a sample has (2, or 4 for iris).
    public var features: Int {
        if case .table(let features, _, _) = source { return features }
        return 2
    }

    /// `count` samples (the default when `nil`) drawn after `np.random.seed(seed)`. Plain `xor` is the four exact
    /// corners; `xor` with a count is that many noisy points around them. `blobs` has three classes here; a table
    /// is the same whatever the count and seed.
    public func generate(count: Int? = nil, seed: UInt32 = 0) -> Dataset {
        generate(count: count, classes: nil, seed: seed)
    }

    /// `count` samples of `classes` classes for a dataset with a `classRange` (`blobs:K`), 100 a class unless `count`
    /// is given; named `blobs:K` or `blobs:K:COUNT`. The other datasets ignore `classes`.
    public func generate(count: Int?, classes: Int?, seed: UInt32 = 0) -> Dataset {
        var rng = NumPyRandom(seed: seed)
        let rows: [(Double, Double, Int)]
        var label = count.map { "\(name):\($0)" } ?? name
        switch source {
        case .points(let make):
            rows = make(count ?? defaultCount, count != nil, &rng)
        case .classes(let make):
            let k = classes ?? 3
            let n = count ?? 100 * k
            rows = make(n, k, &rng)
            label = classes.map { k in count.map { "\(name):\(k):\($0)" } ?? "\(name):\(k)" } ?? label
        case .table(let features, let tenths, let labels):
            return Dataset(name: name, uncheckedPoints: Matrix(rows: labels.count, cols: features, uncheckedData: tenths.map { Double($0) / 10 }),
                           labels: labels)
        }
        var data: [Double] = []
        data.reserveCapacity(rows.count * 2)
        for p in rows { data.append(p.0); data.append(p.1) }
        return Dataset(name: label, uncheckedPoints: Matrix(rows: rows.count, cols: 2, uncheckedData: data), labels: rows.map(\.2))
    }

    /// Every bundled dataset, in the order `nnviz datasets` lists them.
    public static let all: [BundledDataset] = [
        BundledDataset(name: "xor", summary: "the four corners of the unit square, true where x1 ≠ x2 (xor:N: N noisy points, σ = 0.15)",
                       defaultCount: 4, source: .points(xor)),
        BundledDataset(name: "circles", summary: "a disc of radius 0.5 (class 1) inside a ring from 0.7 to 1 (class 0)",
                       defaultCount: 200, source: .points(circles)),
        BundledDataset(name: "moons", summary: "two interleaved half-moons with Gaussian noise σ = 0.1",
                       defaultCount: 200, source: .points(moons)),
        BundledDataset(name: "spirals", summary: "two spiral arms winding 1.75 turns out to radius 1",
                       defaultCount: 200, source: .points(spirals)),
        BundledDataset(name: "gaussians", summary: "two Gaussian clouds (σ = 0.4) centred at (1, 1) and (−1, −1)",
                       defaultCount: 200, source: .points(gaussians)),
        BundledDataset(name: "blobs", summary: "three Gaussian clouds (σ = 0.3) on the unit circle, classes 0, 1, 2 "
                           + "(blobs:K: K classes, 2 to 8; blobs:K:N: N points)",
                       defaultCount: 300, source: .classes(blobs)),
        BundledDataset(name: "iris", summary: "Fisher's iris: 150 flowers × 4 measurements (cm), setosa 0, versicolor 1, virginica 2",
                       defaultCount: 150, source: .table(features: 4, tenths: IrisTable.tenths, labels: (0..<150).map { $0 / 50 })),
    ]

    /// The class counts `blobs:K` takes: two to the eight colours of the class palette.
    public static let blobClasses = 2...8

    /// The dataset called `name`, if there is one.
    public static func named(_ name: String) -> BundledDataset? { all.first { $0.name == name } }

    /// The dataset names, comma-separated, for error hints.
    public static var names: String { all.map(\.name).joined(separator: ", ") }

    private static let corners: [(Double, Double, Int)] = [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]

    private static func xor(_ n: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)] {
        guard noisy else { return corners }
        return (0..<n).map { i in
            let (cx, cy, c) = corners[i % 4]
            let x = cx + 0.15 * rng.gauss()
            let y = cy + 0.15 * rng.gauss()
            return (x, y, c)
        }
    }

    private static func circles(_ n: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)] {
        (0..<n).map { i in
            let inner = i < n / 2
            let r = inner ? 0.5 * rng.randomSample() : 0.7 + 0.3 * rng.randomSample()
            let a = 2.0 * Double.pi * rng.randomSample()
            return (r * sin(a), r * cos(a), inner ? 1 : 0)
        }
    }

    private static func moons(_ n: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)] {
        (0..<n).map { i in
            let t = Double.pi * rng.randomSample()
            let upper = i < n / 2
            let x = upper ? cos(t) : 1.0 - cos(t)
            let y = upper ? sin(t) : 0.5 - sin(t)
            let nx = x + 0.1 * rng.gauss()
            let ny = y + 0.1 * rng.gauss()
            return (nx, ny, upper ? 0 : 1)
        }
    }

    private static func spirals(_ n: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)] {
        let first = n / 2
        return (0..<n).map { i in
            let (k, m, delta, label) = i < first ? (i, first, 0.0, 1) : (i - first, n - first, Double.pi, 0)
            let r = Double(k) / Double(m)
            let t = 1.75 * r * 2.0 * Double.pi + delta
            let x = r * sin(t) + 0.04 * uniform(-1, 1, &rng)
            let y = r * cos(t) + 0.04 * uniform(-1, 1, &rng)
            return (x, y, label)
        }
    }

    private static func gaussians(_ n: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)] {
        (0..<n).map { i in
            let (c, label) = i < n / 2 ? (1.0, 1) : (-1.0, 0)
            let x = c + 0.4 * rng.gauss()
            let y = c + 0.4 * rng.gauss()
            return (x, y, label)
        }
    }

    /// K clouds of σ = 0.3 centred on the unit circle, the first at the top, counter-clockwise; the samples in K
    /// consecutive blocks, sample i of class i·K/n.
    private static func blobs(_ n: Int, _ k: Int, _ rng: inout NumPyRandom) -> [(Double, Double, Int)] {
        (0..<n).map { i in
            let c = i * k / n
            let a = Double.pi / 2 + 2.0 * Double.pi * Double(c) / Double(k)
            let x = cos(a) + 0.3 * rng.gauss()
            let y = sin(a) + 0.3 * rng.gauss()
            return (x, y, c)
        }
    }

    private static func uniform(_ lo: Double, _ hi: Double, _ rng: inout NumPyRandom) -> Double {
        lo + (hi - lo) * rng.randomSample()
    }
}
