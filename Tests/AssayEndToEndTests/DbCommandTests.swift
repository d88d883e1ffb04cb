import AssayPostgreSQL
import AssayTestSupport
import Foundation
import Testing

/// `assay db migrate` and `assay db roles` through the real binary, against SQLite files and a throwaway PostgreSQL
/// cluster; every other command refuses a PostgreSQL address; no password ever reaches the output.
@Suite struct DbCommandTests {
    let directory = TemporaryDirectory()

    static let allMigrations = 13

    @Test func migrateAnSQLiteStoreSaysWhatItApplied() throws {
        let db = directory.file("team.sqlite")
        let first = try AssayProcess.run(["db", "migrate", "--db", db])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(
            first.stdout.hasPrefix("\(db): applied \(Self.allMigrations) migrations: v1-records-and-log, v2-escrow"))
        #expect(first.stdout.hasSuffix(", v13-append-only-log\n"))
        let again = try AssayProcess.run(["db", "migrate"], database: db)
        #expect(again.stdout == "\(db): up to date\n")
        #expect(again.exitCode == 0)
    }

    @Test func migrateRefusesAnSQLiteStoreFromANewerAssay() throws {
        let db = directory.file("newer.sqlite")
        #expect(try AssayProcess.run(["db", "migrate", "--db", db]).exitCode == 0)
        _ = try ChildProcess.run("/usr/bin/sqlite3", [db, "INSERT INTO grdb_migrations VALUES ('v99-future')"])
        let refused = try AssayProcess.run(["db", "migrate", "--db", db])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.hasPrefix("assay: error[store.newer-schema]: \(db) was written by a newer version"))
    }

    @Test func rolesPrintsTheSQLAndOnlyPrintsIt() throws {
        let printed = try AssayProcess.run(["db", "roles", "--print"])
        #expect(printed.exitCode == 0)
        #expect(printed.stdout.contains("CREATE ROLE assay_reader NOLOGIN"))
        #expect(printed.stdout.contains("CREATE ROLE alice LOGIN IN ROLE assay_analyst"))
        let bare = try AssayProcess.run(["db", "roles"])
        #expect(bare.exitCode == 64)
        #expect(bare.stderr.contains("the SQL is printed for an administrator to run"))
    }

    @Test(arguments: [["vendor", "list"], ["vendor", "add", "ZTE"], ["log", "verify"]])
    func everyCommandTakesAPostgreSQLAddressAndNeverShowsItsPassword(command: [String]) throws {
        let socket = directory.path
        for (arguments, environment) in [
            (command + ["--db", "postgresql://alice:s3cret@/assay?host=\(socket)&port=1"], [String: String]()),
            (command, ["ASSAY_DB": "host=\(socket) port=1 dbname=assay password=s3cret"]),
        ] {
            let failed = try AssayProcess.run(arguments, environment: environment)
            #expect(failed.exitCode == 2, "\(arguments)")
            #expect(failed.stderr.hasPrefix("assay: error[postgresql.connect]: cannot connect to PostgreSQL at "))
            #expect(!failed.stdout.contains("s3cret") && !failed.stderr.contains("s3cret"))
        }
    }

    @Test func aScheduledJobRefusesAConnectionStringWithItsPassword() throws {
        let refused = try AssayProcess.run(
            ["audit", "schedule", "--print", "cron", "--out", "/tmp/assay-reports"],
            environment: ["ASSAY_DB": "postgresql://alice:s3cret@db.example.org/assay"])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.hasPrefix("assay: error[store.backend-unsupported]: the connection string holds a "))
        #expect(!refused.stdout.contains("s3cret") && !refused.stderr.contains("s3cret"))
        let printed = try AssayProcess.run(
            ["audit", "schedule", "--print", "cron", "--out", "/tmp/assay-reports"],
            environment: ["ASSAY_DB": "postgresql://assay-audit@db.example.org/assay?sslmode=verify-full"])
        #expect(printed.exitCode == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("ASSAY_DB='postgresql://assay-audit@db.example.org/assay?sslmode=verify-full'"))
    }

    @Test func aConnectionFailureNeverShowsThePassword() throws {
        let socket = directory.path
        for address in [
            "postgresql://alice:s3cret@/assay?host=\(socket)&port=1",
            "host=\(socket) port=1 user=alice password='s3cret' dbname=assay",
        ] {
            let failed = try AssayProcess.run(["db", "migrate", "--db", address, "--verbose"])
            #expect(failed.exitCode == 2)
            #expect(failed.stderr.hasPrefix("assay: error[postgresql.connect]: cannot connect to PostgreSQL at "))
            #expect(failed.stderr.contains("***"))
            #expect(!failed.stderr.contains("s3cret") && !failed.stdout.contains("s3cret"))
            #expect(failed.stderr.split(separator: "\n").count == 1)
        }
    }
}

/// `assay db migrate` against a database of the throwaway PostgreSQL cluster.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct DbMigratePostgreSQLTests {
    @Test func migrateAPostgreSQLStoreOnceThenUpToDate() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let address = cluster.connectionString(database: database)
        let first = try AssayProcess.run(["db", "migrate", "--db", address])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(
            first.stdout.hasPrefix(
                "\(address): applied \(DbCommandTests.allMigrations + 2) migrations: v1-records-and-log")
        )
        #expect(
            first.stdout.hasSuffix(
                ", v13-append-only-log, postgresql-1-blob-bodies, postgresql-2-records-binding\n"))
        let again = try AssayProcess.run(["db", "migrate"], environment: ["ASSAY_DB": address])
        #expect(again.stdout == "\(address): up to date\n")
        let tables = try cluster.connect(database: database).query(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
        #expect(tables.rows.first?[0] == "32")
    }

    @Test func aNewerPostgreSQLSchemaIsRefused() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let address = cluster.connectionString(database: database)
        #expect(try AssayProcess.run(["db", "migrate", "--db", address]).exitCode == 0)
        try cluster.connect(database: database).query(
            #"INSERT INTO "assayMigrations" VALUES ('v99-future', '2030-01-01T00:00:00Z')"#)
        let refused = try AssayProcess.run(["db", "migrate", "--db", address])
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[store.newer-schema]: \(address) was written by a newer version of Assay; upgrade assay to use it\n"
        )
    }
}
