import AssayTestSupport
import Foundation
import GRDB
import Testing

/// Many processes writing one database at once, as cron jobs and people do: nothing lost, nobody locked out.
///
/// Each of the 8 writers is `assay-stress-driver` (Tests/AssayStressDriver) making 200 changes through the Store
/// API, each its own transaction with its audit-log entry, exactly the work of 200 `assay … add` commands
/// without 1600 process launches. Two readers run the real binary (`assay log verify`, `assay vendor list`)
/// in a loop the whole time. All start on a database that does not exist yet, so they also race to create it.
@Suite struct ConcurrencyTests {
    static let writers = 8
    static let changes = 200

    @Test func eightWritersAndTwoReadersLoseNothing() throws {
        let directory = TemporaryDirectory()
        let db = directory.file("assay.sqlite")
        try Self.race(db: db)
        let queue = try DatabaseQueue(path: db)
        let counts = try queue.read { db in
            try ["vendor", "certification", "marketEvent", "auditLog"].map { table in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
        }
        #expect(try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        try Self.expectEveryChange(counts: counts, db: db)
    }

    /// The same race on a PostgreSQL store: the writers take turns through the store's write lock, and the log
    /// stays one chain.
    @Test(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
    func eightWritersAndTwoReadersLoseNothingOnPostgreSQL() throws {
        let cluster = try PostgresCluster.shared()
        let created = try cluster.createDatabase(owner: "assay_writer")
        let migrated = try AssayProcess.run(["db", "migrate", "--db", created.connectionString])
        #expect(migrated.exitCode == 0, "\(migrated.stderr)")
        try Self.race(db: created.connectionString)
        let connection = try cluster.connect(database: created.name)
        let counts = try ["vendor", "certification", "marketEvent", "auditLog"].map { table in
            Int(try connection.query("SELECT COUNT(*) FROM \"\(table)\"").rows.first?[0] ?? "") ?? -1
        }
        try Self.expectEveryChange(counts: counts, db: created.connectionString)
    }

    /// Eight writers and two readers at once on `db`, until the writers are done; every process succeeds.
    private static func race(db: String) throws {
        let started = try (0..<Self.writers).map { writer in
            try ChildProcess(Paths.product("assay-stress-driver"), [db, "\(writer)", "\(Self.changes)"])
        }
        var readerResults: [RunResult] = []
        var verifiedWhileWriting = 0
        while started.contains(where: \.isRunning) {
            for arguments in [["log", "verify"], ["vendor", "list", "--format", "csv"]] {
                let reader = try ChildProcess(Paths.assayBinary, arguments + ["--db", db])
                let result = reader.wait()
                readerResults.append(result)
                if arguments[0] == "log", result.exitCode == 0 { verifiedWhileWriting += 1 }
            }
        }
        for (writer, process) in started.enumerated() {
            let result = process.wait()
            #expect(result.exitCode == 0, "writer \(writer): \(result.stderr)")
        }
        for result in readerResults {
            #expect(result.exitCode == 0 && !result.stderr.contains("locked"), "reader: \(result.stderr)")
        }
        #expect(verifiedWhileWriting > 0)
    }

    /// Every writer's every change is there, once, and the log verifies.
    private static func expectEveryChange(counts: [Int], db: String) throws {
        #expect(counts[0] == Self.writers * ((Self.changes + 2) / 3))
        #expect(counts[1] == Self.writers * ((Self.changes + 1) / 3))
        #expect(counts[2] == Self.writers * (Self.changes / 3))
        #expect(counts[3] == Self.writers * Self.changes)
        let verified = try AssayProcess.run(["log", "verify", "--db", db])
        #expect(verified.exitCode == 0 && verified.stdout.hasPrefix("OK \(Self.writers * Self.changes) entries"))
    }
}
