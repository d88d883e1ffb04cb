import AssayTestSupport
import Foundation
import Testing

/// A database that uid 1000 owns and lets others read (mode 644), in a folder anyone may write (mode 1777, like
/// `/tmp`): uid 1001, an auditor, reads it without leaving files that would lock the owner out.
@Suite(
    .enabled(
        if: OtherUsers.canRunAssay,
        "needs root, setpriv and an assay binary that uids 1000 and 1001 can run"))
struct SharedDatabaseTests {
    static let owner = 1000
    static let auditor = 1001
    let directory = TemporaryDirectory()
    var folder: String { directory.file("shared") }
    var db: String { folder + "/assay.sqlite" }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o1777)
    }

    /// Runs a program as another user, with no privileges left.
    func run(as uid: Int, _ executable: String, _ arguments: [String]) throws -> RunResult {
        try ChildProcess.run(
            "/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", executable] + arguments,
            environment: ["ASSAY_DB": db, "HOME": folder])
    }

    @discardableResult
    func assay(as uid: Int, _ arguments: String...) throws -> RunResult {
        try run(as: uid, Paths.assayBinary, arguments)
    }

    /// The files in the shared folder.
    func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    /// A database with one vendor, readable by others, and nothing beside it.
    func sharedDatabase() throws {
        try #require(try assay(as: Self.owner, "vendor", "add", "ZTE").exitCode == 0)
        chmod(db, 0o644)
        #expect(try files() == ["assay.sqlite"])
    }

    @Test func anAuditorReadsAndAuditsWithoutLockingTheOwnerOut() throws {
        try sharedDatabase()
        let list = try assay(as: Self.auditor, "vendor", "list")
        #expect(list.exitCode == 0, "\(list.stderr)")
        #expect(list.stdout.contains("ZTE"))
        let verified = try assay(as: Self.auditor, "log", "verify")
        #expect(verified.exitCode == 0 && verified.stdout.hasPrefix("OK 1 entries"), "\(verified.stderr)")
        let audit = try assay(as: Self.auditor, "audit", "run", "--no-record", "--as-of", "2026-01-01")
        #expect(audit.exitCode == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("Audit report as of 2026-01-01"))
        #expect(audit.stderr.contains("run not recorded (--no-record); audit log head 1 "))
        let preview = try assay(as: Self.auditor, "audit", "run", "--as-of", "2026-01-01")
        #expect(preview.exitCode == 0, "a preview only reads: \(preview.stderr)")
        let write = try assay(as: Self.auditor, "vendor", "add", "Huawei")
        #expect(write.exitCode == 2)
        #expect(
            write.stderr
                == "assay: error[store.cannot-open]: cannot open database \(db): it is read-only for this user\n")
        #expect(try files() == ["assay.sqlite"], "the auditor left files beside the database")
        let added = try assay(as: Self.owner, "vendor", "add", "Huawei")
        #expect(added.exitCode == 0, "the owner is locked out: \(added.stderr)")
        #expect(try assay(as: Self.owner, "log", "verify").stdout.hasPrefix("OK 2 entries"))
        #expect(try assay(as: Self.owner, "audit", "history").stdout.split(separator: "\n").count <= 1)
    }

    /// Changes still in the WAL (its writer did not checkpoint) are read through the owner's `-wal` and `-shm`
    /// as they are; without the `-shm`, which the auditor could only create, the read is refused.
    @Test func pendingChangesAreReadInPlaceOrRefused() throws {
        try sharedDatabase()
        let sqlite = try run(
            as: Self.owner, "/usr/bin/sqlite3",
            ["-cmd", ".dbconfig no_ckpt_on_close on", db, "UPDATE vendor SET notes = 'pending' WHERE id = 1"])
        try #require(sqlite.exitCode == 0, "\(sqlite.stderr)")
        try #require(try files() == ["assay.sqlite", "assay.sqlite-shm", "assay.sqlite-wal"])
        let shown = try assay(as: Self.auditor, "vendor", "show", "ZTE")
        #expect(shown.exitCode == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("notes:        pending"))
        unlink(db + "-shm")
        let refused = try assay(as: Self.auditor, "vendor", "list")
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[store.cannot-open]: cannot open database \(db): changes are pending in \(db)-wal that only a user who "
                + "may write the database can apply\n")
        #expect(try files() == ["assay.sqlite", "assay.sqlite-wal"])
        #expect(try assay(as: Self.owner, "vendor", "show", "ZTE").stdout.contains("notes:        pending"))
    }
}

/// Whether the tests can run `assay` as uids 1000 and 1001: as root, with `setpriv`, and a binary they can reach.
enum OtherUsers {
    static let canRunAssay: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        let probe = try? ChildProcess.run(
            "/usr/bin/setpriv",
            [
                "--reuid=\(SharedDatabaseTests.auditor)", "--regid=\(SharedDatabaseTests.auditor)", "--clear-groups",
                Paths.assayBinary, "--version",
            ])
        return probe?.exitCode == 0
    }()
}
