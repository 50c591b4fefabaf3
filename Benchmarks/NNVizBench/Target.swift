import Foundation

/// A workload's target from issue 5 and how to judge a result against it.
enum Target {
    /// Peer median at least `factor` × nnviz median; with `smallerFile`, nnviz's file also no larger than the peer's.
    case faster(than: Double, smallerFile: Bool = false)
    /// nnviz median at most this many seconds.
    case medianAtMost(Double)
    /// nnviz median CPU time (user + system) at most this many seconds.
    case cpuAtMost(Double)
    /// nnviz peak RSS at most this many bytes.
    case peakRSSAtMost(Double)
    /// nnviz median at most `factor` × the median of another nnviz command (`baseline`, in words), timed alternately.
    case timesAtMost(Double, of: String)

    var description: String {
        switch self {
        case .faster(let f, let smaller): return "≥ \(Int(f))× faster than the peer" + (smaller ? ", file ≤ peer's" : "")
        case .medianAtMost(let s): return "median ≤ \(Timing.format(s))"
        case .cpuAtMost(let s): return "CPU ≤ \(Timing.format(s))"
        case .peakRSSAtMost(let b): return String(format: "peak RSS ≤ %.0f MB", b / 1e6)
        case .timesAtMost(let f, let baseline): return String(format: "≤ %.1f× ", f) + baseline
        }
    }

    /// Sets `met` and `verdict` on the result.
    func judge(_ r: inout WorkloadResult) {
        guard let mine = r.nnviz else {
            r.met = nil
            r.verdict = "not judged: " + (r.nnvizNote ?? "nnviz not measured")
            return
        }
        switch self {
        case .faster(let factor, let smallerFile):
            guard let ratio = r.ratio else {
                r.met = nil
                r.verdict = "not judged: no peer (" + (r.peerNote ?? "unavailable") + ")"
                return
            }
            var ok = ratio >= factor
            var words = String(format: "%.1f× vs ≥ %.0f×", ratio, factor)
            if smallerFile, let mineBytes = r.fileBytes, let peerBytes = r.peerFileBytes {
                ok = ok && mineBytes <= peerBytes
                words += String(format: "; file %.1f MB vs peer %.1f MB", Double(mineBytes) / 1e6, Double(peerBytes) / 1e6)
            }
            r.met = ok
            r.verdict = (ok ? "MET: " : "MISSED: ") + words
        case .medianAtMost(let limit):
            let ok = mine.median <= limit
            r.met = ok
            r.verdict = (ok ? "MET: " : "MISSED: ") + "median \(Timing.format(mine.median)) vs ≤ \(Timing.format(limit))"
        case .cpuAtMost(let limit):
            guard let cpu = mine.cpuMedian else {
                r.met = nil
                r.verdict = "not judged: no CPU time measured"
                return
            }
            let ok = cpu <= limit
            r.met = ok
            r.verdict = (ok ? "MET: " : "MISSED: ") + "CPU \(Timing.format(cpu)) vs ≤ \(Timing.format(limit))"
        case .timesAtMost(let factor, _):
            guard let times = r.times else {
                r.met = nil
                r.verdict = "not judged: " + (r.nnvizNote ?? "no baseline timing")
                return
            }
            let ok = times <= factor
            r.met = ok
            r.verdict = (ok ? "MET: " : "MISSED: ") + String(format: "%.2f× vs ≤ %.1f×", times, factor)
        case .peakRSSAtMost(let limit):
            let peak = (mine.peakRSSMB ?? .infinity) * 1e6
            let ok = peak <= limit
            r.met = ok
            r.verdict = (ok ? "MET: " : "MISSED: ") + String(format: "peak RSS %.0f MB vs ≤ %.0f MB", peak / 1e6, limit / 1e6)
        }
    }
}
