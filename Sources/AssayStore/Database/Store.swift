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

    /// Opens the database, creating it (owner-only) and applying migrations when needed.
    public init(location: StoreLocation, actor: String) throws(StoreError) {
        self.location = location
        self.actor = actor
        try StoreFiles.prepare(location)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(Store.busyTimeout)
        config.label = "assay"
        config.prepareDatabase { db in db.add(function: RecordTables.digestFunction) }
        do {
            pool = try DatabasePool(path: location.path, configuration: config)
        } catch {
            throw StoreError(error, path: location.path)
        }
        try migrateIfNeeded()
    }

    private func migrateIfNeeded() throws(StoreError) {
        let migrator = Migrations.migrator
        let state = try read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if state.0 { throw StoreError.newerSchema(path: location.path) }
        if state.1 { return }
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
