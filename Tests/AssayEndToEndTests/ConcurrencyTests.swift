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

        let queue = try DatabaseQueue(path: db)
        let counts = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vendor") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certification") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM marketEvent") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog") ?? 0,
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        let perKind = (Self.changes + 2) / 3
        #expect(counts.0 == Self.writers * perKind)
        #expect(counts.1 == Self.writers * ((Self.changes + 1) / 3))
        #expect(counts.2 == Self.writers * (Self.changes / 3))
        #expect(counts.3 == Self.writers * Self.changes)
        #expect(counts.4 == "ok")
        let verified = try AssayProcess.run(["log", "verify"], database: db)
        #expect(verified.exitCode == 0 && verified.stdout.hasPrefix("OK \(Self.writers * Self.changes) entries"))
    }
}
