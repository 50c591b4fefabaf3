#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Interruptions that leave nothing behind: SIGINT, SIGTERM and SIGHUP remove whatever is being staged
/// (`CleanupRegistry`) and exit with 128 + the signal (130, 143, 129); SIGXFSZ is ignored so that a file-size limit
/// (`ulimit -f`) surfaces as a write error (EFBIG) with the usual one-line message.
public enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; call once, first thing in `main`.
    public static func install() {
        signal(SIGXFSZ, SIG_IGN)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // A signal ignored by whoever started nnviz (nohup, a background job) stays ignored.
            let previous = signal(sig, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == 1 /* SIG_IGN */ { continue }
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global(qos: .userInteractive))
            source.setEventHandler {
                CleanupRegistry.shared.cleanUp()
                _exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
