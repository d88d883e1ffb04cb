import AssayCore
import AssayPostgreSQL
import Foundation
internal import GRDB

/// The records store: an SQLite database (WAL) shared by every `assay` process on the machine, or a PostgreSQL
/// database shared by a team.
///
/// Every public write is one transaction that also appends to the hash-chained audit log, so a command
/// either happens wholly, logged, or not at all.
public final class Store: Sendable {
    /// Where the store is.
    public let address: StoreAddress
    /// Where the SQLite database lives; for a PostgreSQL store, this machine's cache of its stored files.
    public let location: StoreLocation
    /// Who is making the changes, recorded in the audit log: for a PostgreSQL store, the role it logged in as.
    public let actor: String
    let backend: Backend

    /// The database behind the store.
    enum Backend: Sendable {
        case sqlite(DatabasePool)
        case postgreSQL(PostgresSession)
    }

    /// How long a command waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// What a command does with the database.
    public enum Access: Sendable {
        /// Reads and writes: the database is created (owner-only) and migrated when needed; a user who may not
        /// write the file is refused before anything is opened.
        case readWrite
        /// Reads only: nothing is changed, and no file is left beside the database that its owner could not use,
        /// so a user who may only read the database can still read it. A database that does not exist yet, or
        /// that an older Assay set up, is first set up as by any command when this user may write it.
        case readOnly
    }

    /// Opens the store at `address`. `actor` names who makes the changes in an SQLite store's log (`nil`: `$USER`);
    /// a PostgreSQL store's log names the role the connection logged in as, and an `actor` that is another name is
    /// refused.
    public convenience init(address: StoreAddress, actor: String?, access: Access = .readWrite) throws(StoreError) {
        switch address {
        case .sqlite(let location):
            try self.init(
                location: location, actor: actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown",
                access: access)
        case .postgreSQL(let connectionString):
            let session = try PostgresSession(connectionString)
            if let actor, actor != session.role {
                throw .refused(
                    "the log names the PostgreSQL role this connection logged in as ('\(session.role)'), "
                        + "not '\(actor)': connect as that analyst's own role instead")
            }
            self.init(
                address: address, location: PostgresSession.cacheLocation(connectionString), actor: session.role,
                backend: .postgreSQL(session))
        }
    }

    private init(address: StoreAddress, location: StoreLocation, actor: String, backend: Backend) {
        self.address = address
        self.location = location
        self.actor = actor
        self.backend = backend
    }

    /// Opens an SQLite database: for `.readWrite`, creating it (owner-only) and applying migrations when needed.
    public init(location: StoreLocation, actor: String, access: Access = .readWrite) throws(StoreError) {
        address = .sqlite(location)
        self.location = location
        self.actor = actor
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(Store.busyTimeout)
        config.label = "assay"
        config.prepareDatabase { db in
            db.add(function: SQLiteRecordTables.digestFunction)
            // The records-binding triggers note every written row in a temporary table, and each statement that
            // fires them keeps a statement journal: in memory, not in temporary files written page by page.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let path: String
        switch access {
        case .readWrite:
            try StoreFiles.prepare(location)
            path = location.path
        case .readOnly:
            // A database that does not exist yet is created as by any command (see `migrateIfNeeded`).
            if !FileManager.default.fileExists(atPath: location.path) { try StoreFiles.prepare(location) }
            config.readonly = true
            path = try StoreFiles.readOnlyPath(location)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError(error, path: location.path)
        }
        backend = .sqlite(pool)
        try Self.migrateIfNeeded(pool, location: location, actor: actor, access: access)
    }

    private static func migrateIfNeeded(
        _ pool: DatabasePool, location: StoreLocation, actor: String, access: Access
    ) throws(StoreError) {
        let migrator = Migrations.migrator
        let state: (Bool, Bool)
        do {
            state = try pool.read { db in (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db)) }
        } catch {
            throw StoreError(error, path: location.path)
        }
        if state.0 { throw StoreError.newerSchema(path: location.path) }
        if state.1 { return }
        if access == .readOnly {
            // New, or set up by an older Assay: a user who may write it sets it up as any command would, and this
            // read-only pool then reads the result; others have to wait for someone who may.
            guard StoreFiles.isWritable(location.path) else {
                throw StoreError.cannotOpen(
                    path: location.path,
                    reason: "it is new or older than this Assay and only a user who may write it can set it up")
            }
            _ = try Store(location: location, actor: actor)
            return
        }
        // Several processes may open a new database at once. Each migration is its own transaction, so a process
        // can lose the race for one ("table already exists") while another is still applying the rest: try again
        // until the schema is complete, for as long as the busy timeout.
        let deadline = Date().addingTimeInterval(Store.busyTimeout)
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                let done = (try? pool.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
                if done { return }
                if Date() > deadline { throw StoreError(error, path: location.path) }
                usleep(50_000)
            }
        }
    }

    /// Runs `body` in one write transaction with the audit log it appends to, translating errors; writers take
    /// turns (SQLite's immediate transaction, a PostgreSQL advisory lock), so the log stays one chain.
    /// The log's entries are written last, the final one with the state of every record row `body` wrote.
    /// When `commit` says no for the result, the transaction is rolled back: a dry run that sees its own writes,
    /// or an import that changed nothing and so leaves no trace.
    func write<T>(
        commit: (T) -> Bool = { _ in true },
        _ body: (any SQLConnection, AuditLog) throws -> T
    ) throws(StoreError) -> T {
        let log = AuditLog(actor: actor)
        do {
            switch backend {
            case .sqlite(let pool):
                return try pool.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        let outcome = try Self.transaction(db, log, commit: commit, body)
                        result = outcome.value
                        return outcome.commit ? .commit : .rollback
                    }
                    guard let result else { throw StoreError.database("transaction produced no result") }
                    return result
                }
            case .postgreSQL(let session):
                return try session.write { db in try Self.transaction(db, log, commit: commit, body) }
            }
        } catch {
            throw StoreError(error, path: address.description)
        }
    }

    /// The inside of a write transaction: tracking on, `body`, then the log's entries when it is to be committed.
    private static func transaction<T>(
        _ db: any SQLConnection, _ log: AuditLog, commit: (T) -> Bool, _ body: (any SQLConnection, AuditLog) throws -> T
    ) throws -> (value: T, commit: Bool) {
        try RecordTables.prepareTracking(db)
        let value = try body(db, log)
        guard commit(value) else { return (value, false) }
        try log.commit(db)
        return (value, true)
    }

    /// Runs `body` on a consistent read-only snapshot, translating errors.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            switch backend {
            case .sqlite(let pool): return try pool.read(body)
            case .postgreSQL(let session): return try session.read(body)
            }
        } catch {
            throw StoreError(error, path: address.description)
        }
    }
}

extension StoreError {
    /// Translates any error raised under a store operation.
    init(_ error: any Error, path: String) {
        if let storeError = error as? StoreError {
            self = storeError
        } else if let valueError = error as? ValueError {
            self = .invalidValue(valueError)
        } else if let dbError = error as? DatabaseError {
            self = StoreError(dbError, path: path)
        } else if let postgresError = error as? PostgresError {
            self = StoreError(postgresError, server: path)
        } else {
            self = .database(String(describing: error))
        }
    }

    private init(_ error: PostgresError, server: String) {
        switch error.sqlstate {
        // lock_not_available (lock_timeout passed), deadlock_detected
        case "55P03", "40P01": self = .locked(path: server)
        case "53100": self = .full(path: server)  // disk_full
        default: self = .postgreSQL(error)
        }
    }

    private init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path: path)
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_READONLY: self = .cannotOpen(path: path, reason: "the file or its folder is read-only")
        case .SQLITE_CANTOPEN: self = .cannotOpen(path: path, reason: "the file or its folder cannot be opened")
        case .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path: path, reason: "permission denied")
        case .SQLITE_IOERR:
            self = errno == EFBIG || errno == ENOSPC ? .full(path: path) : .io(path: path, reason: "I/O error")
        case .SQLITE_CORRUPT: self = .cannotOpen(path: path, reason: "the database file is corrupt")
        default: self = .database(error.message ?? "\(error.resultCode)")
        }
    }
}

extension Store {
    /// True when the database file can be read by users other than its owner (never for a PostgreSQL store, whose
    /// server decides who reads it).
    public var isReadableByOthers: Bool {
        guard case .sqlite = backend else { return false }
        return StoreFiles.isReadableByOthers(location.path)
    }
}
