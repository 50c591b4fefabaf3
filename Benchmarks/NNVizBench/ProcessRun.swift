#if canImport(Glibc)
import Glibc
#endif

/// One child process run to completion: its wall time from spawn to reap and its peak resident set size from
/// `wait4`'s rusage (which includes the spawning process's own peak: see `RSSProbe`).
struct ProcessRun {
    let seconds: Double
    /// CPU time (user + system) of the child, from the same rusage.
    let cpuSeconds: Double
    /// Peak RSS in bytes.
    let peakRSS: Int
    /// The exit status, or 128 + signal number when it was killed.
    let status: Int32

    /// Runs `argv` (the first element a path, or a name looked up in PATH) with stdout and stderr sent to files.
    static func run(_ argv: [String], stdout: String = "/dev/null", stderr: String = "/dev/null") -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let start = now()
        let spawned = cArgs.withUnsafeBufferPointer { posix_spawnp(&pid, argv[0], &actions, nil, $0.baseAddress!, environ) }
        guard spawned == 0 else { return ProcessRun(seconds: 0, cpuSeconds: 0, peakRSS: 0, status: 127) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = now() - start
        let signal = status & 0x7F
        let cpu = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return ProcessRun(seconds: seconds, cpuSeconds: cpu(usage.ru_utime) + cpu(usage.ru_stime), peakRSS: Int(usage.ru_maxrss) * 1024,
                          status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal)
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
