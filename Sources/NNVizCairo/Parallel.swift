import Dispatch

/// Work split into chunks shared among the cores; each chunk's result depends only on its index, so the
/// outcome is the same on one core or many.
enum Parallel {
    /// Runs `body(i)` for every i in 0..<count, concurrently when there is enough work to be worth it.
    static func forEach(_ count: Int, minimum: Int = 2, _ body: @Sendable (Int) -> Void) {
        if count < minimum {
            for i in 0..<count { body(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
