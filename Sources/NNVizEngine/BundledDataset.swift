#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two-dimensional teaching sets of TensorFlow Playground, generated deterministically from a seed with
/// NumPy's legacy generator. `Tests/NNVizEngineTests/Fixtures/make_datasets.py` is the reference they match bit for bit.
///
/// Class 1 is the "positive" set (XOR's true corners, the inner circle, the lower moon, the first spiral arm,
/// the upper-right cloud); class 0 the other.
public struct BundledDataset: Sendable {
    public let name: String
    /// One line for `nnviz datasets`.
    public let summary: String
    /// Samples generated when no `:COUNT` is given.
    public let defaultCount: Int
    private let make: @Sendable (_ count: Int, _ noisy: Bool, _ rng: inout NumPyRandom) -> [(Double, Double, Int)]

    /// `count` samples (the default when `nil`) drawn after `np.random.seed(seed)`. Plain `xor` is the four exact
    /// corners; `xor` with a count is that many noisy points around them.
    public func generate(count: Int? = nil, seed: UInt32 = 0) -> Dataset {
        var rng = NumPyRandom(seed: seed)
        let n = count ?? defaultCount
        let rows = make(n, count != nil, &rng)
        var data: [Double] = []
        data.reserveCapacity(rows.count * 2)
        for p in rows { data.append(p.0); data.append(p.1) }
        return Dataset(name: count.map { "\(name):\($0)" } ?? name,
                       uncheckedPoints: Matrix(rows: rows.count, cols: 2, uncheckedData: data), labels: rows.map(\.2))
    }

    /// Every bundled dataset, in the order `nnviz datasets` lists them.
    public static let all: [BundledDataset] = [
        BundledDataset(name: "xor", summary: "the four corners of the unit square, true where x1 ≠ x2 (xor:N: N noisy points, σ = 0.15)",
                       defaultCount: 4, make: xor),
        BundledDataset(name: "circles", summary: "a disc of radius 0.5 (class 1) inside a ring from 0.7 to 1 (class 0)",
                       defaultCount: 200, make: circles),
        BundledDataset(name: "moons", summary: "two interleaved half-moons with Gaussian noise σ = 0.1",
                       defaultCount: 200, make: moons),
        BundledDataset(name: "spirals", summary: "two spiral arms winding 1.75 turns out to radius 1",
                       defaultCount: 200, make: spirals),
        BundledDataset(name: "gaussians", summary: "two Gaussian clouds (σ = 0.4) centred at (1, 1) and (−1, −1)",
                       defaultCount: 200, make: gaussians),
    ]

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

    private static func uniform(_ lo: Double, _ hi: Double, _ rng: inout NumPyRandom) -> Double {
        lo + (hi - lo) * rng.randomSample()
    }
}
