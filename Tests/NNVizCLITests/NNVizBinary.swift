import Foundation

/// Runs the built `nnviz` executable and captures what it prints.
enum NNVizBinary {
    struct Result: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `$NNVIZ_BIN`, else `nnviz` beside the test bundle (the same `.build/<config>` folder).
    static var url: URL {
        if let env = ProcessInfo.processInfo.environment["NNVIZ_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("nnviz"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nnviz"),
            packageRoot.appendingPathComponent(".build/debug/nnviz"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/NNVizEngineTests/Fixtures/\(name)").path
    }

    static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.executableURL = url
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                      status: p.terminationStatus)
    }
}
