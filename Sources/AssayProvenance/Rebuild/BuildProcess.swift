import AssayCore

/// One run of a build command: `/bin/sh -c COMMAND` in a folder with exactly the environment given, umask 022,
/// standard input from `/dev/null`, standard output and error appended to a log file, behind the network isolation.
///
/// Spawned by ``AssayCore/Subprocess`` (`posix_spawn`), so that the child starts with no blocked signals and default
/// signal handlers whatever thread starts it. (It inherits the descriptors Assay opened without close-on-exec; Assay
/// and the libraries it uses open theirs with it.)
enum BuildProcess {
    /// Runs the command and returns its exit status (128 + the signal's number when a signal ended it).
    static func run(
        _ command: String, in folder: String, environment: [String: String], network: NetworkIsolation,
        log: String
    ) throws(ProvenanceError) -> Int32 {
        // The outer shell enters the folder and sets the umask, then the command runs exactly as
        // `/bin/sh -c COMMAND` would run it there.
        let outer = "cd \"$2\" && umask 022 && exec /bin/sh -c \"$1\""
        let words = network.prefix + ["/bin/sh", "-c", outer, "sh", command, folder]
        do {
            return try Subprocess.run(words, environment: environment, output: .file(log)).status
        } catch {
            throw .cannotRun(place: folder, reason: "\(words[0]): \(error.reason)")
        }
    }
}
