/// What one workload measured: nnviz, its peer, the ratio, any reference timings, and the verdict on its target.
struct WorkloadResult: Codable {
    var id: String
    var title: String
    /// The target from issue 5, in words.
    var target: String
    var nnviz: Timing?
    /// Why nnviz has no timing (command not available, failed run).
    var nnvizNote: String?
    var peer: Timing?
    var peerNote: String?
    /// Peer median / nnviz median, measured in the same run.
    var ratio: Double?
    /// nnviz median / its baseline command's median (`Target.timesAtMost`), measured in the same run.
    var times: Double?
    /// Extra timings printed beside the workload, e.g. the plain-Cairo stroking reference.
    var references: [String: Timing] = [:]
    var fileBytes: Int?
    var peerFileBytes: Int?
    /// Size of the reference's file (the plain-Cairo SVG).
    var referenceFileBytes: Int?
    /// `true` met, `false` missed, `nil` could not be judged (nothing to compare).
    var met: Bool?
    var verdict: String = "not measured"
    /// When and at which commit this row was measured (`ReadmeTable` keeps rows of earlier runs).
    var run: String?

    init(id: String, title: String, target: String) {
        self.id = id
        self.title = title
        self.target = target
    }
}
