import AssayPostgreSQL
import Foundation
import GRDB

/// The store an end-to-end test runs `assay` against: a fresh SQLite file, or, in the PostgreSQL run
/// (`ASSAY_TEST_STORE=postgresql`, see `Scripts/test`), a fresh database of the throwaway cluster, migrated with
/// `assay db migrate` and owned by the login role `tester` (the `USER` that ``AssayProcess`` sets, so the log names
/// the same actor in both runs).
public struct TestDatabase: Sendable {
    /// Whether this test process runs the store tests on PostgreSQL.
    public static let isPostgreSQL = ProcessInfo.processInfo.environment["ASSAY_TEST_STORE"] == "postgresql"

    /// What `--db` and `ASSAY_DB` take: the file's path or the connection string.
    public let address: String
    /// The PostgreSQL database's name; `nil` for SQLite.
    public let postgreSQLName: String?

    /// A new store in `directory` (SQLite, created by the first command) or on the cluster (PostgreSQL, migrated).
    public init(in directory: TemporaryDirectory, postgreSQL: Bool = TestDatabase.isPostgreSQL) throws {
        guard postgreSQL else {
            address = directory.file("assay.sqlite")
            postgreSQLName = nil
            return
        }
        let created = try PostgresCluster.shared().createDatabase(owner: "tester")
        let migrated = try AssayProcess.run(["db", "migrate", "--db", created.connectionString])
        guard migrated.exitCode == 0 else {
            throw PostgresCluster.Failure(description: "assay db migrate: \(migrated.stderr)")
        }
        address = created.connectionString
        postgreSQLName = created.name
    }

    /// How many rows `table` holds.
    public func count(_ table: String) throws -> Int {
        Int(try value("SELECT COUNT(*) FROM \"\(table)\"") ?? "") ?? 0
    }

    /// The first column of the first row of a query run behind Assay's back, as text (`nil` for none or NULL).
    public func value(_ sql: String) throws -> String? {
        if let postgreSQLName {
            return try PostgresCluster.shared().connect(database: postgreSQLName).query(sql).rows.first?[0]
        }
        return try DatabaseQueue(path: address).read { db in try String.fetchOne(db, sql: sql) }
    }

    /// Whether the database itself is intact: SQLite's integrity check (a PostgreSQL server keeps its own).
    public func isIntact() throws -> Bool {
        guard postgreSQLName == nil else { return true }
        return try DatabaseQueue(path: address).read { db in
            try String.fetchOne(db, sql: "PRAGMA integrity_check")
        } == "ok"
    }
}
