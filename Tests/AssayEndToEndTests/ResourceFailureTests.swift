import AssayTestSupport
import Foundation
import GRDB
import Testing

/// A full disk and a read-only database folder: one clear line, exit 2, nothing half-written, the log intact.
@Suite struct ResourceFailureTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// Runs `assay ARGS…` under a shell that caps the size of any file it writes (`ulimit -f`, 512-byte blocks)
    /// and ignores SIGXFSZ, so writes fail with EFBIG as on a full disk instead of killing the process.
    func assayWithFileSizeLimit(blocks: Int, _ arguments: [String]) throws -> RunResult {
        let script = "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\""
        return try ChildProcess.run(
            "/bin/bash", ["-c", script, Paths.assayBinary] + arguments,
            environment: ["ASSAY_DB": db])
    }

    @Test func aFullDiskLeavesTheDatabaseAsItWas() throws {
        try assay("vendor", "add", "ZTE")
        let lines = (0..<4000).map { "ZTE,procurement-ban,US,2020-01-01,R-\($0),\(String(repeating: "n", count: 200))" }
        let file = try directory.write(
            "events.csv",
            (["vendor,type,jurisdiction,announcedOn,sourceRecordId,notes"] + lines).joined(separator: "\n"))
        let size = try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int ?? 0
        let walSize = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        let blocks = (max(size, walSize) + 256 * 1024) / 512
        let result = try assayWithFileSizeLimit(blocks: blocks, ["import", "events", file])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr
                == "assay: error[store.full]: no space left to write \(db) (disk full or file size limit); nothing was changed\n"
        )
        #expect(try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM marketEvent") } == 0)
        let verified = try assay("log", "verify")
        #expect(verified.exitCode == 0 && verified.stdout.hasPrefix("OK 1 entries"))
        #expect(try assay("import", "events", file).stdout.hasPrefix("added:     4000"))
    }

    /// Under ThreadSanitizer (`Scripts/test-sanitizers` sets `ASSAY_SANITIZER`) the runtime itself dies of SIGBUS
    /// once a write hits the file-size limit, so this I/O test runs in the ordinary suite only.
    @Test(
        .disabled(
            if: ProcessInfo.processInfo.environment["ASSAY_SANITIZER"] != nil, "RLIMIT_FSIZE kills TSan's runtime"))
    func aFullDiskNeverLeavesAHalfWrittenOutputFile() throws {
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        for index in 0..<300 {
            try Data("file \(index)\n".utf8).write(to: URL(fileURLWithPath: bundle + "/f\(index).txt"))
        }
        let output = directory.file("manifest.json")
        let result = try assayWithFileSizeLimit(blocks: 8, ["bundle", "hash", bundle, "-o", output])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "assay: error[output.cannot-write]: \(output): cannot write: File too large\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// Root ignores file permissions, so the command runs without CAP_DAC_OVERRIDE when the tests run as root.
    @Test func aReadOnlyDatabaseFolderIsNamed() throws {
        try assay("vendor", "add", "ZTE")
        chmod(db, 0o400)
        chmod(directory.path, 0o500)
        defer { chmod(directory.path, 0o700) }
        let unprivileged =
            getuid() == 0
            ? ["/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", Paths.assayBinary]
            : [Paths.assayBinary]
        let result = try ChildProcess.run(
            unprivileged[0], Array(unprivileged.dropFirst()) + ["vendor", "add", "Huawei"],
            environment: ["ASSAY_DB": db])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.hasPrefix("assay: error[store.cannot-open]: cannot open database \(db): "), "\(result.stderr)"
        )
        #expect(result.stderr.split(separator: "\n").count == 1)
        chmod(directory.path, 0o700)
        chmod(db, 0o600)
        #expect(!(try assay("vendor", "list").stdout.contains("Huawei")))
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 1 entries"))
    }

    /// The database, its WAL files and the evidence store are created owner-only, whatever the umask; a database
    /// that someone made readable by others is warned about on every use.
    @Test func filesAreOwnerOnlyAndAReadableDatabaseIsWarnedAbout() throws {
        try assay("vendor", "add", "ZTE")
        let evidence = try directory.write("report.pdf", "evidence")
        try assay("cert", "add", "ZTE", "--scheme", "iso27001")
        #expect(try assay("cert", "attach", "1", evidence).exitCode == 0)
        let quiet = try assay("vendor", "list")
        #expect(quiet.exitCode == 0 && !quiet.stderr.contains("warning"))
        let created =
            [db, db + "-wal", db + "-shm", db + "-evidence"]
            + (FileManager.default.enumerator(atPath: db + "-evidence")?.allObjects as? [String] ?? [])
            .map { db + "-evidence/" + $0 }
        for path in created where FileManager.default.fileExists(atPath: path) {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0o777
            #expect(mode & 0o077 == 0, "\(path) is open to others")
        }
        chmod(db, 0o644)
        let warned = try assay("vendor", "list")
        #expect(warned.exitCode == 0)
        #expect(warned.stderr == "assay: warning: \(db) is readable by other users; run 'chmod 600' on it\n")
    }
}
