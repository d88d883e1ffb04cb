import Foundation

/// One run of a build command: `/bin/sh -c COMMAND` in a folder with exactly the environment given, umask 022,
/// standard input from `/dev/null`, standard output and error appended to a log file, behind the network isolation.
///
/// Spawned with `posix_spawn`, so that the child starts with no blocked signals and default signal handlers
/// whatever thread starts it, and its exit status is read by `waitpid`. (It inherits the descriptors Assay opened
/// without close-on-exec; Assay and the libraries it uses open theirs with it.)
enum BuildProcess {
    /// Runs the command and returns its exit status (128 + the signal's number when a signal ended it).
    static func run(
        _ command: String, in folder: String, environment: [String: String], network: NetworkIsolation,
        log: String
    ) throws(ProvenanceError) -> Int32 {
        let logFD = open(log, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard logFD >= 0 else { throw .cannotRun(place: log, reason: String(cString: strerror(errno))) }
        defer { close(logFD) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, logFD, 1)
        posix_spawn_file_actions_adddup2(&actions, logFD, 2)
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
        // The outer shell enters the folder and sets the umask, then the command runs exactly as
        // `/bin/sh -c COMMAND` would run it there.
        let outer = "cd \"$2\" && umask 022 && exec /bin/sh -c \"$1\""
        let words = network.prefix + ["/bin/sh", "-c", outer, "sh", command, folder]
        let arguments = words.map { strdup($0) } + [nil]
        let variables = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in arguments + variables { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, words[0], &actions, &attributes, arguments, variables)
        guard spawned == 0 else {
            throw .cannotRun(
                place: folder, reason: "\(words[0]) could not start: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw .cannotRun(place: folder, reason: "waiting for the build: \(String(cString: strerror(errno)))")
            }
        }
        // The wait status: the low 7 bits are the signal that ended the process, 0 for a normal exit.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
