import Foundation

/// A fresh temporary folder for one test, with every file's bytes at hand for before/after comparisons.
struct Scratch {
    let url: URL
    var path: String { url.path }

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// A subfolder, created.
    func folder(_ name: String) throws -> URL {
        let u = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// Every entry under the folder (hidden ones included), folders marked with a trailing `/`, with the files'
    /// bytes; equal snapshots mean nothing was added, removed or changed.
    func snapshot(_ sub: String = "") -> [String: Data] {
        let root = sub.isEmpty ? path : path + "/" + sub
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            var dir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &dir)
            if dir.boolValue { out[rel + "/"] = Data() } else { out[rel] = FileManager.default.contents(atPath: root + "/" + rel) ?? Data() }
        }
        return out
    }
}
