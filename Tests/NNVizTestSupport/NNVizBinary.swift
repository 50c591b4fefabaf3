import Foundation

/// Runs the built `nnviz` executable and captures its exit, stdout and stderr; shared by every test target
/// that drives the binary end to end.
///
/// The binary is `$NNVIZ_BIN`, else `nnviz` beside the test bundle (the same `.build/<config>` folder), else
/// `.build/debug/nnviz`. Output goes to temporary files rather than pipes, so a child that floods stderr cannot
/// deadlock the test; with a time limit, a child that runs past it is killed and reported.
public enum NNVizBinary {
    /// What one run left behind.
    public struct Result: Equatable, Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
        /// True when the child died of a signal (a trap, abort or our kill after the time limit).
        public var signalled: Bool
        public var timedOut: Bool

        public init(stdout: String, stderr: String, status: Int32, signalled: Bool = false, timedOut: Bool = false) {
            self.stdout = stdout
            self.stderr = stderr
            self.status = status
            self.signalled = signalled
            self.timedOut = timedOut
        }
    }

    /// The package's root folder, found from this file's path (`Tests/NNVizTestSupport/…`).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable the tests run.
    public static var url: URL {
        if let env = ProcessInfo.processInfo.environment["NNVIZ_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("nnviz"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nnviz"),
            packageRoot.appendingPathComponent(".build/debug/nnviz"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The path of a file in the engine tests' `Fixtures/` folder.
    public static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/NNVizEngineTests/Fixtures/\(name)").path
    }

    /// Runs `nnviz arguments…` (or another `executable`, e.g. a shell wrapping it) in `cwd` with `environment`
    /// added to (or replacing keys of) the inherited one and stdin empty; with a `timeout` in seconds, kills the
    /// child once it runs past it.
    public static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:],
                           timeout: TimeInterval? = nil, executable: URL? = nil) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("nnviz-proc-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }

        let p = Process()
        p.executableURL = executable ?? url
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while p.isRunning {
                if Date() > deadline {
                    timedOut = true
                    kill(p.processIdentifier, SIGKILL)
                    break
                }
                usleep(2_000)
            }
        }
        p.waitUntilExit()
        let o = (try? Data(contentsOf: outURL)) ?? Data()
        let e = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                      status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }

    /// Runs every argument list, several at a time, and returns the results in order (`nil` where one could not start).
    public static func runAll(_ argumentLists: [[String]], cwd: URL? = nil, environment: [String: String] = [:],
                              timeout: TimeInterval? = nil) -> [Result?] {
        let results = ResultBox(count: argumentLists.count)
        DispatchQueue.concurrentPerform(iterations: argumentLists.count) { i in
            results.set(i, try? run(argumentLists[i], cwd: cwd, environment: environment, timeout: timeout))
        }
        return results.values
    }

    /// A lock-guarded array the concurrent runs write into.
    private final class ResultBox: @unchecked Sendable {
        private var storage: [Result?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result?) { lock.lock(); storage[i] = r; lock.unlock() }
        var values: [Result?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
