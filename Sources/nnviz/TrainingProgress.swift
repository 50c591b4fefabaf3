#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NNVizEngine

/// One progress line on stderr while training (`epoch 1200/3000  loss 0.0123  accuracy 100.0 %  2 s left`),
/// redrawn about a hundred times a run and only when stderr is a terminal and not silenced.
final class TrainingProgress {
    private let epochs: Int
    private let enabled: Bool
    private let every: Int
    private let start = Date()

    init(epochs: Int, quiet: Bool) {
        self.epochs = epochs
        enabled = !quiet && isatty(2) == 1
        every = max(1, epochs / 100)
    }

    func report(_ r: EpochRecord) {
        guard enabled, r.epoch % every == 0 || r.epoch == epochs else { return }
        let elapsed = Date().timeIntervalSince(start)
        let left = r.epoch > 0 ? elapsed / Double(r.epoch) * Double(epochs - r.epoch) : 0
        let line = "\repoch \(r.epoch)/\(epochs)  loss \(TrainCommand.significant(r.loss))  accuracy "
            + TrainCommand.percent(r.accuracy) + "  \(NumberFormat.fixed(left, decimals: 0)) s left\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
