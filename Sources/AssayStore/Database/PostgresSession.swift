import AssayCrypto
import AssayPostgreSQL
import Foundation

/// A PostgreSQL store's one connection, taken in turns by the store's reads and writes (libpq connections are not
/// to be shared between threads at once).
final class PostgresSession: @unchecked Sendable {
    /// The advisory lock every write holds for its transaction: writers take turns, so the log stays one chain.
    static let writeLock: Int64 = 7_362_857_365
    private let lock = NSLock()
    private let connection: PostgresSQLConnection
    /// The role the connection logged in as: the log's actor.
    let role: String

    /// Connects, and refuses a database whose schema is not this Assay's (`assay db migrate` brings it up).
    init(_ connectionString: ConnectionString) throws(StoreError) {
        let server = connectionString.redacted
        do {
            let connection = try PostgresConnection(connectionString)
            // A write waits this long for another's, as an SQLite store's does.
            try connection.execute("SET lock_timeout = '\(Int(Store.busyTimeout))s'")
            let applied = try PostgresMigrator.appliedIdentifiers(connection)
            let known = Set(PostgresMigrations.all.map(\.identifier))
            if !applied.isSubset(of: known) { throw StoreError.newerSchema(path: server) }
            guard applied == known else { throw StoreError.olderSchema(store: server) }
            role = try connection.query("SELECT session_user AS role").rows.first?["role"] ?? connection.user
            self.connection = PostgresSQLConnection(connection)
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw .postgreSQL(error)
        } catch {
            throw .database("\(error)")
        }
    }

    /// Where this machine keeps its copies of the store's files: under `$XDG_CACHE_HOME/assay` (by default
    /// `~/.cache/assay`), in a folder named after the server and database, never after the password.
    static func cacheLocation(
        _ connectionString: ConnectionString, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreLocation {
        let cacheHome: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cacheHome = xdg
        } else {
            cacheHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        }
        let name = (try? DigestContext.digest(Array(connectionString.redacted.utf8)).hex.prefix(16)) ?? "postgresql"
        return StoreLocation(path: "\(cacheHome)/assay/postgresql-\(name)/store")
    }

    /// Runs `transaction` in one READ COMMITTED transaction that first takes the write lock, committing when it
    /// says so and rolling back otherwise or when it throws.
    func write<T>(_ transaction: (any SQLConnection) throws -> (value: T, commit: Bool)) throws -> T {
        try exclusively { db in
            try db.connection.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            do {
                try db.run("SELECT pg_advisory_xact_lock(?)", [SQLValue.integer(Self.writeLock)])
                let outcome = try transaction(db)
                try db.connection.execute(outcome.commit ? "COMMIT" : "ROLLBACK")
                return outcome.value
            } catch {
                // A broken connection cannot roll back; the server rolls back when it goes.
                _ = try? db.connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` on one snapshot (a REPEATABLE READ, READ ONLY transaction).
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try exclusively { db in
            try db.connection.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") { try body(db) }
        }
    }

    private func exclusively<T>(_ body: (PostgresSQLConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }
}
