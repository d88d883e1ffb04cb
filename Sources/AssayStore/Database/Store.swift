import AssayCore
import Foundation
import GRDB

/// The records store: one SQLite database (WAL) shared by every `assay` process on the machine.
///
/// Every public write is one transaction that also appends to the hash-chained audit log, so a command
/// either happens wholly, logged, or not at all.
public final class Store: Sendable {
    /// Where the database lives.
    public let location: StoreLocation
    /// Who is making the changes, recorded in the audit log.
    public let actor: String
    let pool: DatabasePool

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

    /// Opens the database: for `.readWrite`, creating it (owner-only) and applying migrations when needed.
    public init(location: StoreLocation, actor: String, access: Access = .readWrite) throws(StoreError) {
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
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError(error, path: location.path)
        }
        try migrateIfNeeded(access)
    }

    private func migrateIfNeeded(_ access: Access) throws(StoreError) {
        let migrator = Migrations.migrator
        let state = try read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
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
                if try read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                if Date() > deadline { throw StoreError(error, path: location.path) }
                usleep(50_000)
            }
        }
    }

    /// Runs `body` in one immediate write transaction with the audit log it appends to, translating errors.
    /// The log's entries are written last, the final one with the state of every record row `body` wrote.
    /// When `commit` says no for the result, the transaction is rolled back: a dry run that sees its own writes,
    /// or an import that changed nothing and so leaves no trace.
    func write<T>(
        commit: (T) -> Bool = { _ in true },
        _ body: (Database, AuditLog) throws -> T
    ) throws(StoreError) -> T {
        let actor = self.actor
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                let log = AuditLog(actor: actor)
                try db.inTransaction(.immediate) {
                    try RecordTables.prepareTracking(db)
                    let value = try body(db, log)
                    result = value
                    guard commit(value) else { return .rollback }
                    try log.commit(db)
                    return .commit
                }
                guard let result else { throw StoreError.database("transaction produced no result") }
                return result
            }
        } catch {
            throw StoreError(error, path: location.path)
        }
    }

    /// Runs `body` on a consistent read-only snapshot, translating errors.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(error, path: location.path)
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
        } else {
            self = .database(String(describing: error))
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
    /// True when the database file can be read by users other than its owner.
    public var isReadableByOthers: Bool { StoreFiles.isReadableByOthers(location.path) }
}
