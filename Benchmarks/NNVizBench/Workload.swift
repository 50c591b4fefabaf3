/// One benchmark workload of issue 5: an id for `--only` and the results file, what it does, its target and how
/// to measure it.
struct Workload {
    let id: String
    let title: String
    let target: Target
    let measure: (BenchSession, inout WorkloadResult) -> Void

    func run(_ session: BenchSession) -> WorkloadResult {
        var result = WorkloadResult(id: id, title: title, target: target.description)
        measure(session, &result)
        return result
    }
}
