import AssayTestSupport
import Foundation
import GRDB
import Testing

/// `assay audit watch` stopped by SIGTERM at different moments, the first run possibly still in progress.
@Suite struct AuditWatchTests {
    @Test(arguments: [0.05, 0.3, 1.5])
    func sigtermLeavesTheStoreConsistent(after delay: Double) throws {
        let directory = TemporaryDirectory()
        let db = directory.file("assay.sqlite")
        let reports = directory.file("reports")
        for index in 0..<30 {
            _ = try AssayProcess.run(
                ["vendor", "add", "Vendor \(index)", "--relationship", "supplier", "--tier", "1"], database: db)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.assayBinary)
        process.arguments = ["audit", "watch", "--every", "1s", "--out", reports, "--format", "html"]
        var environment = ProcessInfo.processInfo.environment
        environment["ASSAY_DB"] = db
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        process.terminate()
        // A watch that ignores SIGTERM would hang the suite: give it ten seconds, then kill it and fail.
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("the watch did not stop within 10 s of SIGTERM")
        }
        process.waitUntilExit()
        // Either the handlers were in place (a clean exit 0), or the signal came before they were (killed at once).
        #expect(
            (process.terminationReason == .exit && process.terminationStatus == 0)
                || (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM))

        let files = (try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? []
        #expect(!files.contains { $0.hasPrefix(".") }, "a partial report was left: \(files)")
        let queue = try DatabaseQueue(path: db)
        let runs = try queue.read { db in try Row.fetchAll(db, sql: "SELECT reportFile, reportSha256 FROM auditRun") }
        // Every recorded run names a whole report; every report belongs to a recorded run.
        #expect(runs.count == files.count)
        for run in runs {
            let path: String = run["reportFile"]
            let digest: String = run["reportSha256"]
            #expect(try AuditCommandTests.sha256(path) == digest)
        }
        let verify = try AssayProcess.run(["log", "verify"], database: db)
        #expect(verify.exitCode == 0)
    }
}
