import AssayPostgreSQL
import Foundation

/// A throwaway PostgreSQL cluster for the tests: `initdb` into a fresh folder under /tmp, the server listening on a
/// Unix socket in that folder only (no TCP; the random port number only names the socket file), stopped and
/// removed when the test process ends.
///
/// One cluster serves the whole test process (``shared()``, started on first use); each test takes a fresh
/// database from it (``createDatabase()``). As root (tests run as root here and on CI) the server runs as the
/// `postgres` system user that Debian's package creates, since `initdb` refuses root. The server is started under
/// `setpriv --pdeathsig INT` from a thread that lives as long as the process, so it shuts down even when the test
/// process is killed; a normal exit stops it and removes the folder.
public final class PostgresCluster: @unchecked Sendable {
    /// The folder holding the data directory, the socket and the server's log.
    public let folder: String
    /// The port number in the socket's name (`.s.PGSQL.<port>`).
    public let port: Int
    private let serverPID: pid_t
    private let lock = NSLock()
    private var stopped = false

    /// Why the shared cluster is not there: server binaries missing, or it failed to start.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The newest PostgreSQL server's `bin` folder (`/usr/lib/postgresql/<version>/bin`), `nil` when none is
    /// installed.
    public static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap { version in Int(version).map { ($0, "\(root)/\(version)/bin") } }
            .filter { FileManager.default.isExecutableFile(atPath: $0.1 + "/postgres") }
            .max { $0.0 < $1.0 }?.1
    }()

    /// Whether the server binaries are installed; tests that need a cluster are skipped otherwise.
    public static var isAvailable: Bool { binaries != nil }

    /// The message tests skip with when the server is not installed.
    public static let unavailable =
        "PostgreSQL server binaries not found in /usr/lib/postgresql (Scripts/setup installs postgresql)"

    private static let started: Result<PostgresCluster, Failure> = {
        do {
            guard let binaries else { throw Failure(description: unavailable) }
            let cluster = try PostgresCluster(binaries: binaries)
            running = cluster
            atexit { PostgresCluster.running?.stop() }
            return .success(cluster)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }()

    /// The cluster the atexit handler stops: set once, before the handler is registered.
    nonisolated(unsafe) private static var running: PostgresCluster?

    /// The process's cluster, started on first use.
    public static func shared() throws -> PostgresCluster { try started.get() }

    private init(binaries: String) throws {
        folder = "/tmp/assay-pg-" + UUID().uuidString
        port = Int.random(in: 20_000..<60_000)
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let asRoot = geteuid() == 0
        if asRoot {
            try FileManager.default.setAttributes(
                [.ownerAccountName: "postgres", .groupOwnerAccountName: "postgres", .posixPermissions: 0o700],
                ofItemAtPath: folder)
        }
        // setpriv drops to postgres first and sets the parent-death signal last (the kernel clears it when the
        // user changes).
        let user = asRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups"] : []
        let initdb = try Spawned(
            "/usr/bin/setpriv",
            user + [
                "--", binaries + "/initdb", "--pgdata=" + data, "--username=postgres", "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions",
            ], log: folder + "/initdb.log")
        guard initdb.wait() == 0 else {
            let log = Self.tail(folder + "/initdb.log")
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure(description: "initdb failed: " + log)
        }
        serverPID = try ParkedThread.spawn(
            "/usr/bin/setpriv",
            user + [
                "--pdeathsig", "INT", "--", binaries + "/postgres", "-D", data, "-k", folder, "-p", String(port),
                "-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=60",
            ], log: folder + "/server.log")
        try waitUntilReady()
    }

    deinit { stop() }

    /// A key/value connection string for `database` as the cluster's superuser (`postgres`, trusted locally).
    public func connectionString(database: String = "postgres", user: String = "postgres") -> String {
        "host=\(folder) port=\(port) dbname=\(database) user=\(user)"
    }

    /// Creates a fresh, empty database `t_<uuid>` and returns its name.
    public func createDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try connect().execute("CREATE DATABASE \(name)")
        return name
    }

    /// Creates a fresh, empty database owned by the login role `owner` (created when the cluster has none of that
    /// name) and returns its name and the connection string that logs in as the owner: a store's log then names
    /// `owner` as its actor.
    public func createDatabase(owner: String) throws -> (name: String, connectionString: String) {
        let role = "\"" + owner.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try lock.withLock {
            let admin = try connect()
            let exists = try admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(owner)])
            if exists.rows.isEmpty { try admin.execute("CREATE ROLE \(role) LOGIN") }
            try admin.execute("CREATE DATABASE \(name) OWNER \(role)")
        }
        let user = owner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return (name, "host=\(folder) port=\(port) dbname=\(name) user='\(user)'")
    }

    /// A superuser connection to `database`.
    public func connect(database: String = "postgres", user: String = "postgres") throws -> PostgresConnection {
        guard let text = ConnectionString(connectionString(database: database, user: user)) else {
            throw Failure(description: "not a connection string")
        }
        return try PostgresConnection(text)
    }

    /// Stops the server (fast shutdown, then SIGKILL after 10 s) and removes the folder; harmless twice.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        kill(serverPID, SIGINT)
        if !Spawned.waitForExit(serverPID, seconds: 10) {
            kill(serverPID, SIGKILL)
            _ = Spawned.waitForExit(serverPID, seconds: 5)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(60)
        while true {
            do {
                _ = try connect()
                return
            } catch {
                if Date() > deadline || Spawned.hasExited(serverPID) {
                    stop()
                    throw Failure(
                        description: "the PostgreSQL server did not start: \(Self.tail(folder + "/server.log"))")
                }
                usleep(100_000)
            }
        }
    }

    private static func tail(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(5).joined(separator: " | ")
    }
}
