import AssayPostgreSQL
import Foundation
internal import GRDB

/// Brings a store's schema up to date on request (`assay db migrate`), for SQLite and PostgreSQL alike.
///
/// An SQLite store is migrated by opening it, as every command does; a PostgreSQL store only by this, in one
/// transaction. Either refuses a schema written by a newer Assay (``StoreError/newerSchema(path:)``).
public enum StoreMigration {
    /// What migrating did.
    public struct Report: Sendable, Equatable {
        /// The store, as safe to print (a path, or the connection string without its password).
        public let store: String
        /// The migrations applied now, in order; empty when the schema was up to date.
        public let applied: [String]
    }

    /// Applies the pending migrations of the store at `address`; `actor` names who did it in an SQLite store's
    /// log (a baseline entry, when a migration writes one).
    public static func migrate(_ address: StoreAddress, actor: String) throws(StoreError) -> Report {
        switch address {
        case .sqlite(let location):
            return Report(store: location.path, applied: try migrateSQLite(location, actor: actor))
        case .postgreSQL(let connectionString):
            let outcome: PostgresMigrator.Outcome
            do {
                outcome = try PostgresMigrator.migrate(PostgresConnection(connectionString))
            } catch {
                throw .postgreSQL(error)
            }
            switch outcome {
            case .applied(let applied): return Report(store: connectionString.redacted, applied: applied)
            case .newer: throw .newerSchema(path: connectionString.redacted)
            }
        }
    }

    private static func migrateSQLite(_ location: StoreLocation, actor: String) throws(StoreError) -> [String] {
        let before = try appliedBefore(location)
        let store = try Store(location: location, actor: actor)
        guard case .sqlite(let pool) = store.backend else { throw StoreError.database("an SQLite address opened another store") }
        let after: Set<String>
        do {
            after = try pool.read { db in try Migrations.migrator.appliedIdentifiers(db) }
        } catch {
            throw StoreError(error, path: location.path)
        }
        return Migrations.migrator.migrations.filter { after.contains($0) && !before.contains($0) }
    }

    /// The migrations an existing database file has, read without changing it; none for a new file.
    private static func appliedBefore(_ location: StoreLocation) throws(StoreError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: location.path) else { return [] }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: location.path, configuration: configuration).read { db in
                try Migrations.migrator.appliedIdentifiers(db)
            }
        } catch {
            throw StoreError(error, path: location.path)
        }
    }
}
