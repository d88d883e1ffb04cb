import Foundation

/// Runs a program with `posix_spawn` and waits for it with `waitpid`.
///
/// Used instead of Foundation's `Process`, whose `waitUntilExit` runs a run loop: under an interposed clock (for
/// example libfaketime) it can wait forever after the child has exited, and a child ended by a signal can be
/// reported as a normal exit. The child starts with no blocked signals and default signal handlers, standard input
/// from `/dev/null` and standard error discarded unless it shares standard output's destination.
public enum Subprocess {
    /// Where the child's standard output (and, for a file, its standard error) goes.
    public enum Output: Sendable {
        /// Discarded.
        case discard
        /// Collected and returned.
        case capture
        /// Appended to the file (created with mode 0644 when missing; a symlink is refused), with standard error.
        case file(String)
    }

    /// What the child did.
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal's number when a signal ended it.
        public var status: Int32
        /// Standard output, when it was captured.
        public var output: [UInt8]
    }

    /// Runs `arguments[0]` (an absolute path) with the arguments and exactly `environment`; throws the `strerror`
    /// text when the program cannot be started or waited for.
    public static func run(_ arguments: [String], environment: [String: String], output: Output) throws(SubprocessError)
        -> Result
    {
        guard let program = arguments.first else { throw SubprocessError(reason: "no program given") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pipeEnds: [Int32] = [-1, -1]
        var fileFD: Int32 = -1
        defer {
            for fd in pipeEnds + [fileFD] where fd >= 0 { close(fd) }
        }
        switch output {
        case .discard:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        case .capture:
            guard pipe(&pipeEnds) == 0 else { throw SubprocessError(errno: errno) }
            for fd in pipeEnds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        case .file(let path):
            fileFD = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fileFD >= 0 else { throw SubprocessError(reason: "\(path): \(String(cString: strerror(errno)))") }
            posix_spawn_file_actions_adddup2(&actions, fileFD, 1)
            posix_spawn_file_actions_adddup2(&actions, fileFD, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SubprocessError(errno: spawned) }
        var captured: [UInt8] = []
        if pipeEnds[1] >= 0 {
            close(pipeEnds[1])
            pipeEnds[1] = -1
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                if count > 0 {
                    captured += buffer[..<count]
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SubprocessError(errno: errno) }
        }
        // The wait status: the low 7 bits are the signal that ended the process, 0 for a normal exit.
        let signal = status & 0x7f
        return Result(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, output: captured)
    }
}

/// A program that could not be started or waited for, with the system's reason.
public struct SubprocessError: Error, Sendable, CustomStringConvertible {
    /// The reason, e.g. `No such file or directory`.
    public let reason: String

    init(reason: String) { self.reason = reason }
    init(errno code: Int32) { reason = String(cString: strerror(code)) }

    public var description: String { reason }
}
