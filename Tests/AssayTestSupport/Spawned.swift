import Foundation

/// A program started with `posix_spawn`, its stdout and stderr appended to a log file.
///
/// Used for the PostgreSQL test cluster, whose server must be the direct child of a thread that lives as long as
/// the test process (see ``ParkedThread``), which Foundation's `Process` does not promise.
struct Spawned {
    let pid: pid_t

    /// Starts `executable ARGS…` from the calling thread.
    init(_ executable: String, _ arguments: [String], log: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else {
            throw PostgresCluster.Failure(description: "cannot run \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
    }

    /// Waits for the program to end and returns its exit status (128+N when killed by signal N).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Self.exitCode(status)
    }

    /// Whether the child `pid` has ended (it is reaped if so).
    static func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) != 0
    }

    /// Waits up to `seconds` for the child `pid` to end; true when it did.
    static func waitForExit(_ pid: pid_t, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if hasExited(pid) { return true }
            usleep(20_000)
        }
        return false
    }

    private static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

/// Starts programs from one thread that never ends, so that a child's parent-death signal (`PR_SET_PDEATHSIG`,
/// which Linux sends when the *thread* that spawned it ends) fires only when the whole test process does.
enum ParkedThread {
    private static let requests = DispatchQueue(label: "assay.parked-thread")
    nonisolated(unsafe) private static var thread: Thread?
    nonisolated(unsafe) private static var pending: (() -> Void)?
    private static let work = DispatchSemaphore(value: 0)

    /// Spawns `executable ARGS…` on the parked thread and returns its pid.
    static func spawn(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
        try requests.sync {
            if thread == nil {
                let parked = Thread {
                    while true {
                        ParkedThread.work.wait()
                        ParkedThread.pending?()
                    }
                }
                parked.start()
                thread = parked
            }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var outcome: Result<Spawned, any Error> = .failure(CancellationError())
            pending = {
                outcome = Result { try Spawned(executable, arguments, log: log) }
                done.signal()
            }
            work.signal()
            done.wait()
            pending = nil
            return try outcome.get().pid
        }
    }
}
