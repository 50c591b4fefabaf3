import Dispatch
import NNVizEngine

/// A `--batch` file read and parsed on another core while the command loads its network (the 1 MB spec and the
/// 0.9 MB CSV of the heatmap bench take about as long each). Nothing changes for the user: the batch is taken, and
/// any error reading it thrown, exactly where the command would have read it, after the network's own errors.
final class BatchPrefetch: @unchecked Sendable {
    private let path: String
    private let limits: LoadLimits
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the reading task before `done` is signalled, read only after waiting for it.
    private var result: Result<Matrix, NNVizError>?

    init(path: String, limits: LoadLimits) {
        self.path = path
        self.limits = limits
        DispatchQueue.global().async { [self] in
            result = Result { () throws(NNVizError) -> Matrix in try SampleLoader.read(path: path, limits: limits) }
            done.signal()
        }
    }

    /// The batch as `SampleLoader.read` gives it, once read.
    func matrix() throws(NNVizError) -> Matrix {
        done.wait()
        guard let result else { return try SampleLoader.read(path: path, limits: limits) }
        return try result.get()
    }
}
