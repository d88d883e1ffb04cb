import AssayPostgreSQL
import AssayTestSupport
import Foundation
import Testing

/// `assay db copy` through the real binary: the populated store (rows in every table, evidence and stored files)
/// copied SQLite → PostgreSQL → SQLite verifies and exports byte for byte as the original; a non-empty target, a
/// tampered evidence file and an older schema are refused with nothing written.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct DbCopyTests {
    let directory = TemporaryDirectory()
    let cluster: PostgresCluster
    var original: String { directory.file("original.sqlite") }

    init() throws {
        cluster = try PostgresCluster.shared()
        try FileManager.default.copyItem(atPath: try PopulatedStore.shared.path, toPath: original)
        try FileManager.default.copyItem(
            atPath: try PopulatedStore.shared.path + "-evidence", toPath: original + "-evidence")
    }

    func assay(_ arguments: String..., database: String? = nil) throws -> RunResult {
        try AssayProcess.run(arguments, database: database)
    }

    func sqlite(_ path: String, _ sql: String) throws -> String {
        let result = try ChildProcess.run("/usr/bin/sqlite3", ["-quote", path, sql])
        try #require(result.exitCode == 0, "sqlite3: \(result.stderr)")
        return result.stdout
    }

    /// The tables of an SQLite store, but the migrator's.
    func tables(_ path: String) throws -> [String] {
        try sqlite(
            path,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                + "AND name != 'grdb_migrations' ORDER BY name"
        ).split(separator: "\n").map { String($0.dropFirst().dropLast()) }
    }

    /// Every row of every table, each value quoted by type (text '1' is not integer 1), sorted.
    func contents(_ path: String) throws -> [String: [String]] {
        var contents: [String: [String]] = [:]
        for table in try tables(path) {
            contents[table] = try sqlite(path, "SELECT * FROM \"\(table)\"").split(separator: "\n").map(String.init)
                .sorted()
        }
        return contents
    }

    /// The stored files under an evidence folder, by relative path (the folder for incoming files left out).
    func storedFiles(_ path: String) throws -> [String: Data] {
        let folder = path + "-evidence"
        var files: [String: Data] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: folder)
        where relative.hasPrefix("sha256/") && relative.count > 70 {
            files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
        }
        return files
    }

    @Test func aStoreRoundTripsThroughPostgreSQLUnchanged() throws {
        // A child added before its parent: PostgreSQL must get the parent's row first.
        #expect(try assay("vendor", "add", "Child Ltd", database: original).exitCode == 0)
        #expect(try assay("vendor", "add", "Parent Holdings", database: original).exitCode == 0)
        let linked = try assay(
            "vendor", "edit", "Child Ltd", "--parent", "Parent Holdings", "--parent-link", "subsidiary",
            database: original)
        #expect(linked.exitCode == 0, "\(linked.stderr)")
        // The last vendor removed: its id is never handed out again, in either store.
        #expect(try assay("vendor", "add", "Gone Inc", database: original).exitCode == 0)
        #expect(try assay("vendor", "remove", "Gone Inc", database: original).exitCode == 0)
        let lastVendor = try sqlite(original, "SELECT seq FROM sqlite_sequence WHERE name = 'vendor'")

        let database = try cluster.createDatabase()
        let postgres = cluster.connectionString(database: database)
        let there = try assay("db", "copy", original, postgres)
        #expect(there.exitCode == 0, "\(there.stderr)")
        #expect(there.stdout.hasPrefix("TABLE"))
        #expect(there.stdout.contains("\nvendor "))
        // The copy verifies where it is: its log, its records bound to it, its files' bodies in blobBody.
        let verifiedThere = try assay("log", "verify", "--deep", database: postgres)
        #expect(verifiedThere.exitCode == 0, "\(verifiedThere.stdout)\(verifiedThere.stderr)")
        #expect(verifiedThere.stdout.contains("records match the log"))
        let files = try storedFiles(original)
        #expect(files.count >= 7)
        #expect(
            there.stdout.hasSuffix(
                "stored files (\(files.values.reduce(0) { $0 + $1.count }) bytes) from "
                    + "\(original) to \(postgres)\n"), "\(there.stdout)")

        // Every table has as many rows in PostgreSQL as in SQLite, and the stored files are all there.
        let connection = try cluster.connect(database: database)
        for table in try tables(original) {
            let count = try connection.query("SELECT count(*) FROM \"\(table)\"").rows.first?[0]
            let expected = try sqlite(original, "SELECT count(*) FROM \"\(table)\"")
            #expect(count.map { $0 + "\n" } == expected, "table \(table)")
            #expect(there.stdout.contains("\n\(table) "), "\(table) missing from the output")
        }
        #expect(try connection.query(#"SELECT count(*) FROM "blobBody""#).rows.first?[0] == String(files.count))
        // The identity sequences are past the copied ids.
        let maximum = try connection.query(#"SELECT max("id") FROM "vendor""#).rows.first?[0]
        let next = try connection.query(
            """
            INSERT INTO "vendor" ("name", "relationship", "createdAt", "updatedAt")
            VALUES ('New', 'supplier', 't', 't') RETURNING "id"
            """
        ).rows.first?[0]
        #expect(maximum.flatMap { Int($0) }.map { $0 + 1 } == Int(lastVendor.dropLast()))
        #expect(next.flatMap { Int($0) } == Int(lastVendor.dropLast()).map { $0 + 1 })
        try connection.query(#"DELETE FROM "vendor" WHERE "name" = 'New'"#)

        let final = directory.file("final.sqlite")
        let back = try assay("db", "copy", postgres, final)
        #expect(back.exitCode == 0, "\(back.stderr)")
        #expect(
            back.stdout
                == there.stdout.replacingOccurrences(
                    of: "from \(original) to \(postgres)",
                    with: "from \(postgres) to \(final)"))

        let verify = try assay("log", "verify", "--deep", database: final)
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
        for export in [
            ["certifications"], ["certifications", "--format", "json"], ["events"], ["events", "--format", "json"],
        ] {
            let before = try AssayProcess.run(["export"] + export, database: original)
            let after = try AssayProcess.run(["export"] + export, database: final)
            #expect(before.exitCode == 0 && !before.stdout.isEmpty, "\(export): \(before.stderr)")
            #expect(after.stdout == before.stdout, "export \(export)")
        }
        #expect(try storedFiles(final) == files)
        let (copied, originalRows) = (try contents(final), try contents(original))
        #expect(copied.keys.sorted() == originalRows.keys.sorted())
        for (table, rows) in originalRows {
            #expect(copied[table] == rows, "table \(table)")
        }
        // The id handed out by PostgreSQL above is not handed out again either.
        let sequences = "SELECT name, seq FROM sqlite_sequence ORDER BY name"
        let handedOut = Int(lastVendor.dropLast()).map { $0 + 1 } ?? 0
        #expect(
            try sqlite(final, sequences)
                == sqlite(original, sequences).replacingOccurrences(
                    of: "'vendor',\(lastVendor)", with: "'vendor',\(handedOut)\n"))
    }

    @Test func anSQLiteStoreCopiesIntoAnotherSQLiteFile() throws {
        let target = directory.file("copy.sqlite")
        let copied = try assay("db", "copy", original, target)
        #expect(copied.exitCode == 0, "\(copied.stderr)")
        #expect(try assay("log", "verify", "--deep", database: target).exitCode == 0)
        #expect(try contents(target) == contents(original))
        #expect(try storedFiles(target) == storedFiles(original))
    }

    @Test func aPostgreSQLTargetHoldingStoredFilesIsRefused() throws {
        let database = try cluster.createDatabase()
        let postgres = cluster.connectionString(database: database)
        #expect(try assay("db", "migrate", "--db", postgres).exitCode == 0)
        try cluster.connect(database: database).query(
            #"INSERT INTO "blobBody" VALUES (encode(sha256('x'::bytea), 'hex'), 'x'::bytea)"#)
        let refused = try assay("db", "copy", original, postgres)
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("error[store.target-not-empty]: \(postgres) is not empty (table blobBody"))
    }

    @Test func aNonEmptyTargetIsRefusedAndLeftUnchanged() throws {
        let target = directory.file("busy.sqlite")
        #expect(try assay("vendor", "add", "Huawei", database: target).exitCode == 0)
        let before = try contents(target)
        let refused = try assay("db", "copy", original, target)
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[store.target-not-empty]: \(target) is not empty (table vendor holds rows); copy only "
                + "into an empty store; nothing was written\n")
        #expect(try contents(target) == before)

        let database = try cluster.createDatabase()
        let postgres = cluster.connectionString(database: database)
        #expect(try assay("db", "copy", original, postgres).exitCode == 0)
        let again = try assay("db", "copy", target, postgres)
        #expect(again.exitCode == 2)
        #expect(again.stderr.contains("error[store.target-not-empty]: \(postgres) is not empty (table vendor"))
        let vendors = try cluster.connect(database: database).query(#"SELECT "name" FROM "vendor" ORDER BY "id""#)
        #expect(!vendors.rows.contains { $0[0] == "Huawei" })
    }

    @Test func aTamperedEvidenceFileIsRefusedWithNothingWritten() throws {
        let file = try #require(try storedFiles(original).keys.sorted().first)
        let path = original + "-evidence/" + file
        chmod(path, 0o600)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[0] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: path))

        let database = try cluster.createDatabase()
        let postgres = cluster.connectionString(database: database)
        let refused = try assay("db", "copy", original, postgres)
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[store.io]: \(path): this stored file no longer has the SHA-256 it is named by (its "
                + "bytes changed); nothing was copied\n")
        let tables = try cluster.connect(database: database).query(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
        #expect(tables.rows.first?[0] == "0", "the target was not even set up")

        try FileManager.default.removeItem(atPath: path)
        let target = directory.file("target.sqlite")
        let missing = try assay("db", "copy", original, target)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("\(path): the store references this stored file but it is missing"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aSourceWithAnOlderOrNewerSchemaIsRefused() throws {
        let older = directory.file("older.sqlite")
        #expect(try assay("db", "migrate", "--db", older).exitCode == 0)
        _ = try sqlite(older, "DELETE FROM grdb_migrations WHERE identifier = 'v13-append-only-log'")
        let refused = try assay("db", "copy", older, directory.file("target.sqlite"))
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[store.older-schema]: \(older) has an older schema than this Assay's; run 'assay db "
                + "migrate' on it first\n")

        let database = try cluster.createDatabase()
        let postgres = cluster.connectionString(database: database)
        #expect(try assay("db", "migrate", "--db", postgres).exitCode == 0)
        try cluster.connect(database: database).query(
            #"INSERT INTO "assayMigrations" VALUES ('v99-future', '2030-01-01T00:00:00Z')"#)
        let newer = try assay("db", "copy", postgres, directory.file("target2.sqlite"))
        #expect(newer.exitCode == 2)
        #expect(newer.stderr.hasPrefix("assay: error[store.newer-schema]: \(postgres) was written by a newer"))
    }

    @Test func passwordsAreNeverPrinted() throws {
        let refused = try assay(
            "db", "copy", original, "postgresql://alice:s3cret@/assay?host=\(cluster.folder)&port=\(cluster.port)")
        #expect(refused.exitCode == 2)
        #expect(!refused.stderr.contains("s3cret") && !refused.stdout.contains("s3cret"), "\(refused.stderr)")
    }
}
