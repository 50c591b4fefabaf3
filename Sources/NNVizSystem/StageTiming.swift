#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's time goes: with `NNVIZ_TIMING=1` in the environment, each `end(_:)` prints one line to
/// stderr, `nnviz timing: <stage> <ms> ms`, the wall-clock time since the previous mark (or since the first use),
/// for the stages parse, layout, raster, encode and write. Without it, a mark costs one load of a flag.
///
/// Marks come from the main thread only (the stages run one after another).
public enum StageTiming {
    /// Whether timing lines are printed: `NNVIZ_TIMING` set to anything but empty or `0`.
    public static let enabled: Bool = {
        guard let v = getenv("NNVIZ_TIMING") else { return false }
        let s = String(cString: v)
        return !s.isEmpty && s != "0"
    }()

    nonisolated(unsafe) private static var last: Double = now()

    /// Starts the clock over (when the work before it is not part of any stage).
    public static func restart() {
        guard enabled else { return }
        last = now()
    }

    /// Ends `stage`: prints its time when timing is enabled and starts the next stage's clock.
    public static func end(_ stage: String) {
        guard enabled else { return }
        let t = now()
        let ms = (t - last) * 1000
        last = t
        let tenths = Int((ms * 10).rounded())
        let line = "nnviz timing: \(stage) \(tenths / 10).\(tenths % 10) ms\n"
        var bytes = Array(line.utf8)
        _ = POSIX.write(2, &bytes, bytes.count)
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
