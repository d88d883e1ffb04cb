import AssayPostgreSQL
import AssayTestSupport
import Foundation
import GRDB
import Testing

@testable import AssayStore

/// The PostgreSQL migrations against a throwaway cluster: `Schemas/postgresql.sql` describes what they build,
/// they build the SQLite store's tables and columns, they run once, and a newer schema is refused.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct PostgresSchemaTests {
    let cluster: PostgresCluster

    init() throws { cluster = try PostgresCluster.shared() }

    /// A fresh database with every migration applied.
    func migrated() throws -> (address: StoreAddress, connection: PostgresConnection) {
        let database = try cluster.createDatabase()
        let address = StoreAddress(cluster.connectionString(database: database))
        let report = try StoreMigration.migrate(address, actor: "tester")
        #expect(report.applied == PostgresMigrations.all.map(\.identifier))
        return (address, try cluster.connect(database: database))
    }

    @Test func theSchemaFileDescribesTheMigratedDatabase() throws {
        let fromMigrations = try SchemaCatalog.lines(migrated().connection)
        let fromFile = try cluster.connect(database: cluster.createDatabase())
        try fromFile.execute(String(contentsOfFile: Paths.schema("postgresql.sql"), encoding: .utf8))
        let documented = try SchemaCatalog.lines(fromFile)
        let missing = fromMigrations.filter { !documented.contains($0) }
        let extra = documented.filter { !fromMigrations.contains($0) }
        #expect(missing.isEmpty, "built by the migrations, not by Schemas/postgresql.sql: \(missing)")
        #expect(extra.isEmpty, "built by Schemas/postgresql.sql, not by the migrations: \(extra)")
        #expect(fromMigrations.count > 300)
    }

    @Test func theMigrationsHaveTheSQLiteStoresIdentifiers() {
        let shared = PostgresMigrations.all.map(\.identifier).filter { !PostgresMigrations.postgreSQLOnly.contains($0) }
        #expect(shared == Migrations.migrator.migrations)
        #expect(PostgresMigrations.postgreSQLOnly.allSatisfy { $0.hasPrefix("postgresql-") })
    }

    /// Every SQLite table has its PostgreSQL twin with the same columns in the same order, the same NULL rules
    /// and the mapped types, so that rows move between the stores unchanged.
    @Test func theTablesAndColumnsAreTheSQLiteStoresOnes() throws {
        let directory = TemporaryDirectory()
        let location = StoreLocation(path: directory.file("assay.sqlite"))
        _ = try Store(location: location, actor: "tester")
        let sqlite = try DatabaseQueue(path: location.path).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                    """
            ).sorted().map { table in
                (
                    table,
                    try db.columns(in: table).map { column in
                        let type = ["INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea", "BOOLEAN": "smallint"][
                            column.type]
                        let notNull = column.isNotNull || column.primaryKeyIndex > 0
                        return "\(column.name) \(type ?? column.type) \(notNull ? "NOT NULL" : "NULL")"
                    }
                )
            }
        }
        let connection = try migrated().connection
        let postgres = try sqlite.map { table, _ in
            let rows = try connection.query(
                """
                SELECT column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
                """, [.text(table)]
            ).rows
            return (
                table,
                rows.map { row in
                    "\(row[0] ?? "") \(row[1] ?? "") \(row[2] == "NO" ? "NOT NULL" : "NULL")"
                }
            )
        }
        #expect(sqlite.map(\.0) == PostgresMigrations.sharedTables.sorted())
        for ((table, expected), (_, actual)) in zip(sqlite, postgres) {
            #expect(actual == expected, "table \(table)")
        }
    }

    @Test func migratingAgainFindsNothingToDo() throws {
        let (address, _) = try migrated()
        #expect(try StoreMigration.migrate(address, actor: "tester").applied == [])
    }

    @Test func aSchemaFromANewerAssayIsRefusedUnchanged() throws {
        let (address, connection) = try migrated()
        try connection.query(
            #"INSERT INTO "assayMigrations" VALUES ('v99-from-the-future', '2030-01-01T00:00:00Z')"#)
        let error = #expect(throws: StoreError.self) { try StoreMigration.migrate(address, actor: "tester") }
        #expect(error?.code == "store.newer-schema")
        #expect(error?.description.contains("newer version of Assay") == true)
    }

    @Test func theLogAndCheckpointsRefuseUpdateDeleteAndTruncate() throws {
        let connection = try migrated().connection
        try connection.query(
            """
            INSERT INTO "auditLog" ("seq", "recordedAt", "actor", "action", "entity", "entityId", "change",
                                    "prevHash", "hash")
            VALUES (1, '2026-01-01T00:00:00Z', 'tester', 'vendor.add', 'vendor', '1', '{}', $1, $1)
            """, [.text(String(repeating: "0", count: 64))])
        try connection.query(
            """
            INSERT INTO "logCheckpoint" ("format", "seq", "hash", "createdAt", "actor", "keyType", "keyFingerprint",
                                         "signature")
            VALUES ('f', 1, 'h', 'c', 'a', 'k', 'p', 's')
            """)
        for table in ["auditLog", "logCheckpoint"] {
            for statement in [
                "UPDATE \"\(table)\" SET \"actor\" = 'mallory'", "DELETE FROM \"\(table)\"", "TRUNCATE \"\(table)\"",
            ] {
                let error = #expect(throws: PostgresError.self, "\(statement)") { try connection.execute(statement) }
                #expect(error?.description.contains("\(table) is append-only") == true, "\(statement)")
            }
            #expect(try connection.query("SELECT count(*) FROM \"\(table)\"").rows.first?[0] == "1")
        }
    }
}

/// What `db copy` knows of the schema, checked against it.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct StoreCopySchemaTests {
    /// PostgreSQL checks a foreign key at each insert: a table whose rows reference its own rows must be copied
    /// referenced rows first, and the copy knows which tables those are.
    @Test func theCopyKnowsEverySelfReferencingForeignKey() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        _ = try StoreMigration.migrate(StoreAddress(cluster.connectionString(database: database)), actor: "tester")
        let rows = try cluster.connect(database: database).query(
            """
            SELECT c.conrelid::regclass::text, a.attname, r.attname FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND c.conrelid = c.confrelid
            """
        ).rows
        let found = rows.map { "\($0[0] ?? "").\($0[1] ?? "")->\($0[2] ?? "")" }
        let known = StoreCopy.selfReferences.map { "\($0.key).\($0.value.column)->\($0.value.key)" }
        #expect(found.sorted() == known.sorted())
    }

    /// Every BLOB column of the SQLite store is a BYTEA column in PostgreSQL, and the columns the copy turns back
    /// into text are among them.
    @Test func theTextInBlobColumnsAreBlobColumns() throws {
        let directory = TemporaryDirectory()
        let location = StoreLocation(path: directory.file("assay.sqlite"))
        _ = try Store(location: location, actor: "tester")
        let blobs = try DatabaseQueue(path: location.path).read { db in
            try PostgresMigrations.sharedTables.flatMap { table in
                try db.columns(in: table).filter { $0.type == "BLOB" }.map { "\(table).\($0.name)" }
            }
        }
        let known = StoreCopy.textInBlobColumns.flatMap { table, columns in columns.map { "\(table).\($0)" } }
        #expect(Set(known).isSubset(of: Set(blobs)))
        #expect(!known.isEmpty)
    }
}
