import Foundation

/// Reading models from other frameworks (issue 14, item 7): `nnviz summary MODEL` against the framework's own
/// Python reader loading the same committed test model (`peers/load_model.py`), process start to exit for both,
/// so the peer pays its framework's import as a script that reads weights does. No issue sets a ratio for reading
/// models; the target asks only that nnviz be no slower than the framework's own reader, and the ratio is reported.
extension BenchSession {
    /// The test models, one per format nnviz imports by content.
    static let importModels: [(id: String, file: String, reader: String)] = [
        ("import-keras", "keras_4_8_8_3.keras", "h5py"),
        ("import-onnx", "named_3_6_3.onnx", "onnx"),
        ("import-pt", "torch_4_5_1.pt", "torch"),
    ]

    static var importWorkloads: [Workload] {
        importModels.map { model in
            Workload(id: model.id, title: "`summary` of a \(model.file.split(separator: ".").last.map(String.init) ?? "") model (\(model.file))",
                     target: .faster(than: 1)) { s, r in s.importModel(&r, file: model.file, reader: model.reader) }
        }
    }

    /// `nnviz summary` of the fixture model `file` against `load_model.py` reading it with `reader` (skipped, with a
    /// note, when the peer's Python cannot import it).
    func importModel(_ r: inout WorkloadResult, file: String, reader: String) {
        let path = "Tests/NNVizEngineTests/Fixtures/models/" + file
        guard FileManager.default.fileExists(atPath: path) else {
            r.nnvizNote = "not run: \(path) is missing (run the bench from the repository's root)"
            return
        }
        var peer: [String]? = [peers + "/load_model.py", path]
        if let python, !timer.succeeds([python, "-c", "import \(reader)"]) {
            peer = nil
            r.peerNote = "peer skipped: \(python) cannot import \(reader)"
        }
        pair(&r, ["summary", path], runs: Swift.max(10, runs), warmups: 2, peer: peer,
             note: "peer: \(reader) reads the file and lists each tensor's shape")
    }
}
