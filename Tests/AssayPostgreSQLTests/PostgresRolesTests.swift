import AssayPostgreSQL
import AssayTestSupport
import Foundation
import Testing

@testable import AssayStore

/// `assay db roles --print`'s SQL applied to a migrated database of a throwaway cluster, then used through login
/// roles made as its comments say.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct PostgresRolesTests {
    /// Role names are cluster-wide and the roles tests share the cluster: one set of logins for the process.
    static let logins: Result<String, any Error> = Result {
        let cluster = try PostgresCluster.shared()
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let admin = try cluster.connect()
        // The group roles before their members, as the script makes them (it is idempotent).
        let groups = ["assay_reader", "assay_analyst", "assay_auditor"]
        for role in groups {
            try admin.execute(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN "
                    + "CREATE ROLE \(role) NOLOGIN; END IF; END $$")
        }
        try admin.execute("GRANT assay_reader TO assay_analyst, assay_auditor")
        for (login, role) in zip(["reader", "analyst", "auditor"], groups) {
            try admin.execute("CREATE ROLE \(login)_\(suffix) LOGIN IN ROLE \(role)")
        }
        return String(suffix)
    }

    let cluster: PostgresCluster
    let database: String
    let suffix: String

    init() throws {
        cluster = try PostgresCluster.shared()
        database = try cluster.createDatabase()
        suffix = try Self.logins.get()
        _ = try StoreMigration.migrate(StoreAddress(cluster.connectionString(database: database)), actor: "tester")
        let admin = try cluster.connect(database: database)
        try admin.execute(PostgresRoles.script)
        try admin.execute(PostgresRoles.script)  // again: it can be run after every migration
    }

    func login(_ name: String) throws -> PostgresConnection {
        try cluster.connect(database: database, user: "\(name)_\(suffix)")
    }

    static let insertVendor = """
        INSERT INTO "vendor" ("name", "relationship", "createdAt", "updatedAt")
        VALUES ('ZTE', 'supplier', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING "id"
        """
    static let insertLogEntry = """
        INSERT INTO "auditLog" ("seq", "recordedAt", "actor", "action", "entity", "entityId", "change", "prevHash",
                                "hash")
        VALUES (1, '2026-01-01T00:00:00Z', session_user, 'vendor.add', 'vendor', '1', '{}', 'p', 'h')
        """

    static let insertAuditRun = """
        INSERT INTO "auditRun" ("ranAt", "actor", "asOf", "policyDigest", "format", "info", "low", "medium", "high",
                                "critical")
        VALUES ('t', 'a', 'd', 'p', 'json', 0, 0, 0, 0, 0)
        """
    static let insertCheckpoint = """
        INSERT INTO "logCheckpoint" ("format", "seq", "hash", "createdAt", "actor", "keyType", "keyFingerprint",
                                     "signature")
        VALUES ('f', 1, 'h', 'c', 'a', 'k', 'p', 's')
        """

    @Test func aReaderReadsEverythingAndWritesNothing() throws {
        let reader = try login("reader")
        for table in PostgresMigrations.tables {
            #expect(throws: Never.self) { try reader.query("SELECT * FROM \"\(table)\"") }
        }
        let error = #expect(throws: PostgresError.self) { try reader.query(Self.insertVendor) }
        #expect(error?.sqlstate == "42501")
        #expect(throws: PostgresError.self) { try reader.query(Self.insertLogEntry) }
    }

    @Test func anAnalystWritesRecordsAndOnlyAppendsToTheLog() throws {
        let analyst = try login("analyst")
        let id = try #require(try analyst.query(Self.insertVendor).rows.first?[0])
        try analyst.query(#"UPDATE "vendor" SET "notes" = 'checked' WHERE "id" = $1"#, [.text(id)])
        try analyst.query(Self.insertLogEntry)
        // The log names the role that logged in: an entry in someone else's name is refused by the database.
        let impostor = #expect(throws: PostgresError.self) {
            try analyst.query(Self.insertLogEntry.replacingOccurrences(of: "session_user", with: "'mallory'"))
        }
        #expect(impostor?.description.contains("names the role that logged in") == true)
        for statement in [
            #"UPDATE "auditLog" SET "actor" = 'mallory'"#, #"DELETE FROM "auditLog""#, #"TRUNCATE "auditLog""#,
        ] {
            let error = #expect(throws: PostgresError.self, "\(statement)") { try analyst.execute(statement) }
            #expect(error?.sqlstate == "42501", "\(statement)")
        }
        #expect(throws: PostgresError.self) {
            try analyst.query(Self.insertAuditRun)
        }
    }

    @Test func anAuditorRecordsRunsAndCheckpointsButNoRecords() throws {
        let auditor = try login("auditor")
        try auditor.query(
            Self.insertAuditRun)
        try auditor.query(
            Self.insertCheckpoint)
        let error = #expect(throws: PostgresError.self) { try auditor.query(Self.insertVendor) }
        #expect(error?.sqlstate == "42501")
    }

    @Test func theScriptSaysHowToGiveEachAnalystALogin() {
        #expect(PostgresRoles.script.contains("CREATE ROLE alice LOGIN IN ROLE assay_analyst"))
        #expect(PostgresRoles.script.contains("REVOKE UPDATE, DELETE, TRUNCATE ON \"auditLog\""))
    }
}
