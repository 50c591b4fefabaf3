/// One command line for `CommandTimer`: its measured runs after its warm-ups, where its stdout goes, and whether
/// to measure its peak RSS afterwards; stderr goes to `<logs>/<name>.log`.
struct TimedCommand {
    var argv: [String]
    var name: String
    var runs: Int
    var warmups = 1
    var stdout = "/dev/null"
    var peakRSS = true
}
