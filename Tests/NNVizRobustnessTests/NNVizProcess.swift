import Foundation

/// Runs the built `nnviz` binary with a time limit and captures its exit, stdout and stderr.
///
/// The binary is found as the CLI tests find it: `$NNVIZ_BIN`, else `nnviz` beside the test bundle (the same
/// `.build/<config>` folder), else `.build/debug/nnviz`. Output goes to temporary files rather than pipes, so a
/// child that floods stderr cannot deadlock the test, and a child that runs past the limit is killed and reported.
enum NNVizProcess {
    struct Result: Sendable {
        var status: Int32
        /// True when the child died of a signal (a trap, abort or our kill after the time limit).
        var signalled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// This target's folder (`Corpus/` lives here).
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static var url: URL {
        if let env = ProcessInfo.processInfo.environment["NNVIZ_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("nnviz"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nnviz"),
            packageRoot.appendingPathComponent(".build/debug/nnviz"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `nnviz arguments…` (or another `executable`) in `cwd` with `environment` added to (or replacing keys
    /// of) the inherited one.
    static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 30, executable: URL? = nil) throws -> Result {
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
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(p.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        p.waitUntilExit()
        let o = (try? Data(contentsOf: outURL)) ?? Data()
        let e = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal, timedOut: timedOut,
                      stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                      stdoutBytes: o)
    }

    /// Runs every argument list, several at a time, and returns the results in order.
    static func runAll(_ argumentLists: [[String]], cwd: URL? = nil, environment: [String: String] = [:]) -> [Result?] {
        let results = ResultBox(count: argumentLists.count)
        DispatchQueue.concurrentPerform(iterations: argumentLists.count) { i in
            results.set(i, try? run(argumentLists[i], cwd: cwd, environment: environment))
        }
        return results.values
    }

    /// A lock-guarded array the concurrent runs write into.
    final class ResultBox: @unchecked Sendable {
        private var storage: [Result?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result?) { lock.lock(); storage[i] = r; lock.unlock() }
        var values: [Result?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
