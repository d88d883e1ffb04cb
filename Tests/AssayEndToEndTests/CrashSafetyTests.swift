import AssayTestSupport
import Foundation
import GRDB
import Testing

/// SIGKILL at several points of long commands: afterwards the database is sound, each command's effect is
/// wholly present or wholly absent, no output file is half-written under its final name, and the log verifies.
///
/// `assay audit run` is not built yet; when it is, add it to ``killPoints`` runs like `bundle hash -o`
/// (a report file must be absent or complete).
///
/// In the PostgreSQL run (``TestDatabase``) the same kills hit a PostgreSQL store: the server rolls back the killed
/// command's transaction.
@Suite(.serialized) struct CrashSafetyTests {
    let directory = TemporaryDirectory()
    let database: TestDatabase
    var db: String { database.address }

    init() throws {
        database = try TestDatabase(in: directory)
    }
    /// Seconds after the start at which each run is killed; the last ones usually let the command finish.
    static let killPoints: [Double] = [0.05, 0.15, 0.3, 0.5, 0.8, 1.2, 2.0]

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// Starts `assay ARGS…`, kills it after `delay` seconds unless it has ended, and returns its result.
    func kill(after delay: Double, _ arguments: [String]) throws -> RunResult {
        let child = try ChildProcess(Paths.assayBinary, arguments, environment: ["ASSAY_DB": db])
        let deadline = Date().addingTimeInterval(delay)
        while child.isRunning, Date() < deadline { usleep(5_000) }
        if child.isRunning { child.signal(SIGKILL) }
        return child.wait()
    }

    func count(_ table: String) throws -> Int {
        try database.count(table)
    }

    func expectSound() throws {
        #expect(try database.isIntact())
        let verified = try assay("log", "verify")
        #expect(verified.exitCode == 0, "\(verified.stdout)")
    }

    @Test func killedImportsAreAllOrNothing() throws {
        try assay("vendor", "add", "ZTE")
        let rows = 300
        var killed = 0
        for (attempt, delay) in Self.killPoints.enumerated() {
            let lines = (0..<rows).map { "ZTE,procurement-ban,US,2020-01-01,R\(attempt)-\($0)" }
            let file = try directory.write(
                "events-\(attempt).csv",
                (["vendor,type,jurisdiction,announcedOn,sourceRecordId"] + lines)
                    .joined(separator: "\n") + "\n")
            let before = (try count("marketEvent"), try count("auditLog"))
            let result = try kill(after: delay, ["import", "events", file])
            if result.exitCode == 128 + SIGKILL { killed += 1 } else { #expect(result.exitCode == 0) }
            let added = (try count("marketEvent") - before.0, try count("auditLog") - before.1)
            #expect(added == (0, 0) || added == (rows, rows), "attempt \(attempt) left \(added) rows")
            #expect(result.exitCode != 0 || added.0 == rows)
            try expectSound()
        }
        #expect(killed > 0, "every import finished before its kill point: make the file larger")
    }

    @Test func killedDepositsAreAllOrNothing() throws {
        try assay("vendor", "add", "ZTE")
        try assay(
            "escrow", "offer", "add", "ZTE", "--kind", "customer-review", "--agent", "lab",
            "--offered-on", "2019-05-21")
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        let chunk = Data(repeating: 0x61, count: 1 << 20)
        for index in 0..<200 {
            try chunk.write(to: URL(fileURLWithPath: bundle + "/part-\(index).bin"))
        }
        var killed = 0
        for delay in Self.killPoints {
            let before = (try count("escrowDeposit"), try count("auditLog"))
            let result = try kill(after: delay, ["escrow", "deposit", "1", bundle])
            if result.exitCode == 128 + SIGKILL { killed += 1 } else { #expect(result.exitCode == 0) }
            let added = (try count("escrowDeposit") - before.0, try count("auditLog") - before.1)
            #expect(added == (0, 0) || added == (1, 1), "a deposit left \(added)")
            try expectSound()
        }
        #expect(killed > 0)
    }

    @Test func killedEvidenceAttachmentsLeaveNoHalfBlob() throws {
        try assay("vendor", "add", "ZTE")
        try assay("cert", "add", "ZTE", "--scheme", "iso27001")
        var killed = 0
        for (attempt, delay) in Self.killPoints.enumerated() {
            let file = directory.file("evidence-\(attempt).bin")
            try Data("attempt \(attempt)\n".utf8).write(to: URL(fileURLWithPath: file))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.truncate(atOffset: 64 << 20)
            try handle.close()
            let before = (try count("evidence"), try count("auditLog"))
            let result = try kill(after: delay, ["cert", "attach", "1", file])
            if result.exitCode == 128 + SIGKILL { killed += 1 } else { #expect(result.exitCode == 0) }
            let added = (try count("evidence") - before.0, try count("auditLog") - before.1)
            #expect(added == (0, 0) || added == (1, 1), "an attachment left \(added)")
            try FileManager.default.removeItem(atPath: file)
            try expectSound()
        }
        #expect(killed > 0)
        if database.postgreSQLName != nil {
            // Every recorded file's bytes are in the database, under their SHA-256 (the server checks each).
            let missing = try database.value(
                #"SELECT COUNT(*) FROM "evidence" AS e WHERE NOT EXISTS (SELECT 1 FROM "blobBody" AS b WHERE b."sha256" = e."sha256")"#)
            #expect(missing == "0")
            return
        }
        // Every blob under its final name holds exactly the bytes its name says; every recorded one exists.
        let blobs = db + "-evidence/sha256"
        let names = (FileManager.default.enumerator(atPath: blobs)?.allObjects as? [String] ?? [])
            .filter { $0.count == 67 && !$0.contains("/.") }
        for name in names {
            let sum = try ChildProcess.run("/usr/bin/sha256sum", [blobs + "/" + name]).stdout
            #expect(sum.hasPrefix(String(name.suffix(64))), "\(name) is half-written")
        }
        let recorded = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT sha256 FROM evidence") }
        #expect(Set(recorded).isSubset(of: Set(names.map { String($0.suffix(64)) })))
    }

    @Test func killedReportWritersLeaveNoHalfFile() throws {
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        for index in 0..<4000 {
            try Data("file \(index)\n".utf8).write(to: URL(fileURLWithPath: bundle + "/f\(index).txt"))
        }
        let complete = try assay("bundle", "hash", bundle, "--format", "json").stdout
        var killed = 0
        for (attempt, delay) in Self.killPoints.enumerated() {
            let report = directory.file("manifest-\(attempt).json")
            let result = try kill(after: delay, ["bundle", "hash", bundle, "--format", "json", "-o", report])
            if result.exitCode == 128 + SIGKILL { killed += 1 }
            if FileManager.default.fileExists(atPath: report) {
                #expect(try String(contentsOfFile: report, encoding: .utf8) == complete)
            } else {
                #expect(result.exitCode == 128 + SIGKILL)
            }
        }
        #expect(killed > 0)
    }
}
