import Foundation

/// Runs the built `nnviz` executable (`$NNVIZ_BIN`, or the one beside the test bundle) and captures its output.
enum ReportBinary {
    struct Result: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var url: URL {
        if let env = ProcessInfo.processInfo.environment["NNVIZ_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("nnviz"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nnviz"),
            packageRoot.appendingPathComponent(".build/debug/nnviz"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func run(_ arguments: [String], cwd: URL? = nil) throws -> Result {
        let p = Process()
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

/// A fresh temporary folder, removed by `cleanup`.
struct TempFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func cleanup() { try? FileManager.default.removeItem(at: url) }

    /// Names in `sub` (or the folder itself), sorted.
    func list(_ sub: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : path + "/" + sub)) ?? []).sorted()
    }

    func text(_ file: String) throws -> String { try String(contentsOfFile: path + "/" + file, encoding: .utf8) }

    func write(_ text: String, to file: String) throws {
        let u = url.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: u, atomically: true, encoding: .utf8)
    }

    /// Every file under the folder with its bytes, keyed by relative path.
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: path)
        while let rel = e?.nextObject() as? String {
            if let d = FileManager.default.contents(atPath: path + "/" + rel), !isFolder(rel) { out[rel] = d }
        }
        return out
    }

    func isFolder(_ rel: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/" + rel, isDirectory: &dir) && dir.boolValue
    }
}
