import AssayCore
import Foundation

/// How a build is cut off from the network: a new, empty network namespace (`unshare --net`, util-linux) when
/// Assay runs as root on Linux and the kernel allows it; otherwise the build runs with the network and the reason
/// is recorded.
struct NetworkIsolation {
    /// The words put before `/bin/sh` (`unshare --net --`), empty when not isolated.
    let prefix: [String]
    /// What is recorded: `isolated: …` or `not isolated: <reason>`.
    let description: String

    /// Probes once, by running `unshare --net true`, whether a namespace can be made here.
    static func probe() -> NetworkIsolation {
        #if os(Linux)
            guard geteuid() == 0 else {
                return NetworkIsolation(
                    prefix: [], description: "not isolated: not running as root (a network namespace needs root)")
            }
            guard let unshare = ["/usr/bin/unshare", "/bin/unshare"].first(where: FileManager.default.isExecutableFile)
            else { return NetworkIsolation(prefix: [], description: "not isolated: unshare (util-linux) not found") }
            let status: Int32
            do {
                status = try Subprocess.run([unshare, "--net", "--", "/bin/true"], environment: [:], output: .discard)
                    .status
            } catch {
                return NetworkIsolation(prefix: [], description: "not isolated: \(unshare) could not start: \(error)")
            }
            guard status == 0 else {
                return NetworkIsolation(
                    prefix: [], description: "not isolated: 'unshare --net' is not permitted here (exit \(status))")
            }
            return NetworkIsolation(
                prefix: [unshare, "--net", "--"], description: "isolated: new network namespace (unshare --net)")
        #else
            return NetworkIsolation(prefix: [], description: "not isolated: no network namespaces on this platform")
        #endif
    }
}
