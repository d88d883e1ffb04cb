import AssayStore
import AssayTestSupport
import Foundation
import Testing

/// Records edited with the real `sqlite3` shell behind Assay's back: `assay log verify` and `assay audit run` must
/// name each row that no longer matches the state the audit log gives it, in every record table.
@Suite struct RecordsTamperTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func sqlite(_ sql: String) throws {
        let result = try ChildProcess.run("/usr/bin/sqlite3", [db, AppendOnlyTriggers.drop + " " + sql])
        try #require(result.exitCode == 0, "sqlite3: \(result.stderr)")
    }

    @Test func theDatabaseRefusesToChangeOrRemoveLogEntriesAndCheckpoints() throws {
        try assay("vendor", "add", "ZTE")
        for sql in ["UPDATE auditLog SET actor = 'mallory'", "DELETE FROM auditLog WHERE seq = 1"] {
            let result = try ChildProcess.run("/usr/bin/sqlite3", [db, sql])
            #expect(result.exitCode != 0)
            #expect(result.stderr.contains("auditLog is append-only: entries cannot be changed or removed"))
        }
        let triggers = try ChildProcess.run(
            "/usr/bin/sqlite3", [db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"])
        #expect(
            triggers.stdout.split(separator: "\n") == [
                "auditLog_append_only_delete", "auditLog_append_only_update", "logCheckpoint_append_only_delete",
                "logCheckpoint_append_only_update",
            ])
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func anExpiryMovedWithSqlite3IsNamedByLogVerifyAndTheAudit() throws {
        try assay("vendor", "add", "ZTE")
        try assay(
            "cert", "add", "ZTE", "--scheme", "iso27001", "--number", "X1", "--issued-on", "2022-01-01",
            "--valid-until", "2025-01-01")
        #expect(try assay("log", "verify").exitCode == 0)
        try sqlite("UPDATE certification SET validUntil = '2031-01-01'")

        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 1)
        #expect(
            verify.stdout
                == "BROKEN: certification #1 differs from the log (validUntil: log says 2025-01-01, "
                + "table says 2031-01-01)\n")

        let audit = try assay("audit", "run", "--as-of", "2026-01-01", "--format", "json")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any], "\(audit.stderr)")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let tampered = findings.filter { $0["kind"] as? String == "records-tampered" }
        #expect(tampered.count == 1)
        #expect(tampered.first?["severity"] as? String == "critical")
        #expect(tampered.first?["id"] as? String == "records-tampered:certification:[1]")
        #expect(report["logIntact"] as? Bool == false)
    }

    @Test func rowsInsertedAndDeletedBehindAssaysBackAreNamed() throws {
        try assay("vendor", "add", "ZTE", "--alias", "ZTE Corporation")
        try sqlite(
            """
            DELETE FROM vendorName WHERE key = 'zte corporation';
            INSERT INTO vendorIdentifier (vendorId, kind, value) VALUES (1, 'duns', '123456789');
            """)
        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 1)
        #expect(
            verify.stdout == """
                BROKEN: vendorIdentifier #1 is not in the log (inserted behind Assay's back)
                BROKEN: vendorName "zte corporation" is in the log but not in the table (deleted behind Assay's back)

                """)
        let json = try assay("log", "verify", "--format", "json")
        #expect(json.exitCode == 1)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "log-verification.schema.json") == nil)
    }

    /// One change behind Assay's back in each record table of a store that has rows in all of them.
    /// A copy of the populated store, with its evidence folder.
    func copyPopulatedStore() throws {
        try FileManager.default.copyItem(atPath: try PopulatedStore.shared.path, toPath: db)
        try FileManager.default.copyItem(
            atPath: try PopulatedStore.shared.path + "-evidence", toPath: db + "-evidence")
    }

    @Test(arguments: TamperCase.all) func everyRecordTableIsBound(tamper: TamperCase) throws {
        try copyPopulatedStore()
        let clean = try assay("log", "verify")
        #expect(clean.exitCode == 0, "\(clean.stdout)")
        try sqlite(tamper.sql)
        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 1)
        #expect(verify.stdout.hasPrefix("BROKEN: \(tamper.expected)"), "\(verify.stdout)")
    }

    @Test func thePopulatedStoreHasRowsInEveryRecordTable() throws {
        let path = try PopulatedStore.shared.path
        let result = try ChildProcess.run(
            "/usr/bin/sqlite3",
            [
                path,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                    + "AND name NOT IN ('auditLog', 'grdb_migrations') ORDER BY name",
            ])
        let tables = result.stdout.split(separator: "\n").map(String.init)
        #expect(Set(tables) == Set(TamperCase.all.map(\.table)), "a record table without a tamper case")
        for table in tables {
            let count = try ChildProcess.run("/usr/bin/sqlite3", [path, "SELECT count(*) FROM \"\(table)\""])
            #expect(count.stdout != "0\n", "\(table) is empty in the populated store")
        }
    }

    @Test func evidenceFilesAreCheckedAndDeepRehashesThem() throws {
        try copyPopulatedStore()
        #expect(try assay("log", "verify", "--deep").stdout.contains(", 7 evidence files re-hashed"))
        let blob = try #require(
            FileManager.default.subpathsOfDirectory(atPath: db + "-evidence").first { $0.count > 40 })
        let file = db + "-evidence/" + blob
        chmod(file, 0o600)
        // Same size, other bytes: only re-hashing tells.
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try String(original.reversed()).write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try assay("log", "verify").exitCode == 0)
        let deep = try assay("log", "verify", "--deep")
        #expect(deep.exitCode == 1)
        #expect(deep.stdout.contains("no longer has the SHA-256 recorded (its bytes changed)"), "\(deep.stdout)")
        try FileManager.default.removeItem(atPath: file)
        let missing = try assay("log", "verify")
        #expect(missing.exitCode == 1 && missing.stdout.contains("is missing"), "\(missing.stdout)")
    }

    @Test func aLogCutBelowAStoredCheckpointIsBroken() throws {
        let key = directory.file("org.pem")
        try #require(
            try ChildProcess.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", key]).exitCode == 0)
        try assay("vendor", "add", "ZTE")
        try assay("vendor", "add", "Huawei")
        try assay("log", "checkpoint", "--key", key, "-o", directory.file("cp.json"))
        try assay("vendor", "add", "Nokia")
        // The tail goes, with the vendor it added: the chain that is left is valid, and so are its records.
        try sqlite(
            "DELETE FROM auditLog WHERE seq >= 2; DELETE FROM vendorName WHERE vendorId >= 2; "
                + "DELETE FROM vendor WHERE id >= 2; DELETE FROM logCheckpoint")
        #expect(try assay("log", "verify").exitCode == 0, "nothing in the database tells any more")
        // Keeping the checkpoint row, as a careless forger would, gives it away.
        try FileManager.default.removeItem(atPath: db)
        try assay("vendor", "add", "ZTE")
        try assay("vendor", "add", "Huawei")
        try assay("log", "checkpoint", "--key", key, "-o", directory.file("cp.json"))
        try sqlite(
            "DELETE FROM auditLog WHERE seq >= 2; DELETE FROM vendorName WHERE vendorId = 2; "
                + "DELETE FROM vendor WHERE id = 2")
        let cut = try assay("log", "verify")
        #expect(cut.exitCode == 1)
        #expect(cut.stdout.hasPrefix("BROKEN at entry 2: the log ends at entry 1 but the stored checkpoint made "))
        #expect(cut.stdout.hasSuffix("signs entry 2: entries were removed from the end\n"))
        let audit = try assay("audit", "run", "--format", "json", "--fail-on", "critical")
        #expect(audit.exitCode == 1 && audit.stdout.contains("audit-log-broken:audit-log"))
    }

    @Test func aBrokenLogIsNeverCheckpointed() throws {
        let key = directory.file("org.pem")
        try #require(
            try ChildProcess.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", key]).exitCode == 0)
        try assay("vendor", "add", "ZTE", "--country", "CN")
        try sqlite("UPDATE vendor SET country = 'US'")
        let refused = try assay("log", "checkpoint", "--key", key)
        #expect(refused.exitCode == 1)
        #expect(
            refused.stderr
                == "assay: error[store.log-does-not-verify]: refusing to sign: the audit log does not verify: vendor #1 differs from the log "
                + "(country: log says CN, table says US) (see 'assay log verify')\n")
        #expect(refused.stdout.isEmpty)
        try sqlite("UPDATE vendor SET country = 'CN'; UPDATE auditLog SET actor = 'mallory'")
        let broken = try assay("log", "checkpoint", "--key", key)
        #expect(broken.exitCode == 1)
        #expect(broken.stderr.contains("does not verify: at entry 1: its content does not match its hash"))
        let count = try ChildProcess.run("/usr/bin/sqlite3", [db, "SELECT count(*) FROM logCheckpoint"])
        #expect(count.stdout == "0\n")
    }

    /// A database written before records were bound to the log: the upgrade states every row once, and from then
    /// on edits behind Assay's back are caught.
    @Test func anOlderDatabaseIsBaselinedOnUpgrade() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN")
        try assay("vendor", "add", "Huawei")
        try LogForger.downgradeToV8(db)
        let baselined = try assay("log", "verify")
        #expect(baselined.exitCode == 0, "\(baselined.stdout)")
        #expect(baselined.stdout.hasPrefix("OK 3 entries; head 3 "))
        let entries = try assay("log", "list", "--format", "csv")
        #expect(entries.stdout.contains("store.baseline"))
        try sqlite("UPDATE vendor SET country = 'US' WHERE name = 'ZTE'")
        #expect(try assay("log", "verify").stdout.hasPrefix("BROKEN: vendor #1 differs from the log"))
    }
}

/// One change made with `sqlite3` to one record table, and the start of the line `log verify` prints for it.
struct TamperCase: Sendable, CustomTestStringConvertible {
    let table: String
    let sql: String
    let expected: String

    var testDescription: String { table }

    static let all: [TamperCase] = [
        TamperCase(
            table: "artifact", sql: "UPDATE artifact SET site = 'Paris'",
            expected: "artifact #1 differs from the log (site: log says Rome, table says Paris)"),
        TamperCase(
            table: "artifactVerdict", sql: "UPDATE artifactVerdict SET verdict = 'differs'",
            expected: "artifactVerdict #1 differs from the log (verdict: log says reproduced, table says differs)"),
        TamperCase(
            table: "artifactVerification", sql: "UPDATE artifactVerification SET passed = 1",
            expected: "artifactVerification #1 differs from the log (passed: log says 0, table says 1)"),
        TamperCase(
            table: "auditFinding", sql: "UPDATE auditFinding SET severity = 'info'",
            expected: "auditFinding 1/\""),
        TamperCase(
            table: "auditRun", sql: "UPDATE auditRun SET actor = 'mallory'",
            expected: "auditRun #1 differs from the log (actor: log says tester, table says mallory)"),
        TamperCase(
            table: "certification", sql: "UPDATE certification SET level = 'EAL7' WHERE id = 2",
            expected: "certification #2 differs from the log (level: log says EAL4+, table says EAL7)"),
        TamperCase(
            table: "certificationStatusChange", sql: "DELETE FROM certificationStatusChange WHERE status = 'suspended'",
            expected: "certificationStatusChange #"),
        TamperCase(
            table: "escrowDeposit", sql: "UPDATE escrowDeposit SET bundleDigest = 'sha256:' || hex(randomblob(32))",
            expected: "escrowDeposit #1 differs from the log (bundleDigest: log says "),
        TamperCase(
            table: "escrowManifest", sql: "UPDATE escrowManifest SET body = CAST('{}' AS BLOB)",
            expected: "escrowManifest #1 differs from the log (body: log says sha256:"),
        TamperCase(
            table: "escrowOffer", sql: "UPDATE escrowOffer SET agent = 'nobody'",
            expected: "escrowOffer #1 differs from the log (agent: log says Rome lab, table says nobody)"),
        TamperCase(
            table: "escrowVerification", sql: "UPDATE escrowVerification SET outcome = 'passed'",
            expected: "escrowVerification #2 differs from the log (outcome: log says failed, table says passed)"),
        TamperCase(
            table: "evidence", sql: "DELETE FROM evidence",
            expected: "evidence #1 is in the log but not in the table (deleted behind Assay's back)"),
        TamperCase(
            table: "expectation", sql: "UPDATE expectation SET strength = 'signature-verified' WHERE kind = 'rebuild'",
            expected: "expectation #2 differs from the log (strength: log says unsigned, table says signature-verified)"),
        TamperCase(
            table: "logCheckpoint", sql: "UPDATE logCheckpoint SET actor = 'mallory'",
            expected: "logCheckpoint #1 differs from the log (actor: log says tester, table says mallory)"),
        TamperCase(
            table: "marketEvent", sql: "UPDATE marketEvent SET status = 'lifted'",
            expected: "marketEvent #1 differs from the log (status: log says active, table says lifted)"),
        TamperCase(
            table: "product", sql: "UPDATE product SET versions = '[\"9.9\"]'",
            expected: "product #1 differs from the log (versions: log says [\"1.0\"], table says [\"9.9\"])"),
        TamperCase(
            table: "rebuildArtifact", sql: "UPDATE rebuildArtifact SET size = 1 WHERE id = 1",
            expected: "rebuildArtifact #1 differs from the log (size: log says "),
        TamperCase(
            table: "rebuildAttempt", sql: "UPDATE rebuildAttempt SET exitStatus = 1 WHERE number = 2",
            expected: "rebuildAttempt #2 differs from the log (exitStatus: log says 0, table says 1)"),
        TamperCase(
            table: "rebuildRun", sql: "UPDATE rebuildRun SET reproducible = 'yes'",
            expected: "rebuildRun #1 differs from the log (reproducible: log says no, table says yes)"),
        TamperCase(
            table: "registryImport", sql: "UPDATE registryImport SET sha256 = 'forged'",
            expected: "registryImport #1 differs from the log (sha256: log says "),
        TamperCase(
            table: "registryRecord", sql: "UPDATE registryRecord SET product = 'forged'",
            expected: "registryRecord #1 differs from the log (product: log says ZXR10 1.0, table says forged)"),
        TamperCase(
            table: "rejectedEvidence", sql: "DELETE FROM rejectedEvidence",
            expected: "rejectedEvidence #1 is in the log but not in the table (deleted behind Assay's back)"),
        TamperCase(
            table: "riskAcceptance", sql: "UPDATE riskAcceptance SET owner = 'mallory'",
            expected: "riskAcceptance #1 differs from the log (owner: log says Alice, table says mallory)"),
        TamperCase(
            table: "storedBlob", sql: "UPDATE storedBlob SET size = size + 1 WHERE role = 'artifact'",
            expected: "storedBlob \""),
        TamperCase(
            table: "vendor",
            sql: "INSERT INTO vendor (name, relationship, createdAt, updatedAt) "
                + "VALUES ('Ghost', 'monitored', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            expected: "vendor #2 is not in the log (inserted behind Assay's back)"),
        TamperCase(
            table: "vendorIdentifier", sql: "UPDATE vendorIdentifier SET value = '000000000'",
            expected: "vendorIdentifier #1 differs from the log (value: log says 123456789, table says 000000000)"),
        TamperCase(
            table: "vendorKey", sql: "DELETE FROM vendorKey",
            expected: "vendorKey #1 is in the log but not in the table (deleted behind Assay's back)"),
        TamperCase(
            table: "vendorName", sql: "UPDATE vendorName SET name = 'ZTE Corp.' WHERE key = 'zte corporation'",
            expected: "vendorName \"zte corporation\" differs from the log (name: log says ZTE Corporation, "
                + "table says ZTE Corp.)"),
        TamperCase(
            table: "x509Certificate", sql: "UPDATE x509Certificate SET weaknesses = '[]'",
            expected: "x509Certificate #"),
    ]
}

/// A store with rows in every record table, made once with the real binary and copied by each test that needs it.
final class PopulatedStore: Sendable {
    static let shared = PopulatedStore()

    private let directory: TemporaryDirectory
    private let made: Result<String, any Error>

    var path: String {
        get throws { try made.get() }
    }

    private init() {
        let directory = TemporaryDirectory()
        self.directory = directory
        made = Result { try Self.populate(directory) }
    }

    private static func populate(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.file("populated.sqlite")
        func assay(_ arguments: String...) throws {
            let result = try AssayProcess.run(arguments, database: db)
            // Verification of the tampered bundle fails on purpose (exit 1); anything else must succeed.
            guard result.exitCode == 0 || arguments.starts(with: ["escrow", "verify"]) else {
                throw PopulateError(step: arguments.joined(separator: " "), output: result.stderr)
            }
        }
        func run(_ executable: String, _ arguments: String...) throws {
            let result = try ChildProcess.run(executable, arguments)
            guard result.exitCode == 0 else {
                throw PopulateError(step: ([executable] + arguments).joined(separator: " "), output: result.stderr)
            }
        }
        try assay("vendor", "add", "ZTE", "--country", "CN", "--alias", "ZTE Corporation", "--id", "duns=123456789")
        try run("/usr/bin/openssl", "genpkey", "-algorithm", "ed25519", "-out", directory.file("zte.pem"))
        try run(
            "/usr/bin/openssl", "pkey", "-in", directory.file("zte.pem"), "-pubout", "-out", directory.file("zte.pub"))
        try assay("vendor", "key", "add", "ZTE", directory.file("zte.pub"), "--label", "release key")
        try assay(
            "cert", "add", "ZTE", "--scheme", "iso27001", "--number", "X1", "--issued-on", "2022-01-01",
            "--valid-until", "2025-01-01")
        try assay(
            "cert", "add", "ZTE", "--scheme", "cc", "--level", "EAL4+", "--product", "ZXR10", "--version", "1.0",
            "--number", "CC-1", "--issued-on", "2022-01-01", "--valid-until", "2027-01-01")
        try assay("cert", "set-status", "1", "suspended", "--effective-on", "2023-01-01", "--reason", "audit")
        let evidence = try directory.write("report.txt", "certification audit report\n")
        try assay("cert", "attach", "1", evidence)
        try run(
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:1024", "-nodes", "-subj", "/CN=zte.example",
            "-days", "30", "-keyout", directory.file("x509.key"), "-out", directory.file("x509.pem"))
        try assay("cert", "import-x509", directory.file("x509.pem"), "--vendor", "ZTE")
        try assay(
            "event", "add", "ZTE", "--type", "entity-list-listing", "--jurisdiction", "US", "--announced-on",
            "2016-03-08")
        try assay("escrow", "offer", "add", "ZTE", "--kind", "customer-review", "--agent", "Rome lab")
        let tree = directory.file("src")
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        _ = try directory.write("src/main.c", "int main(void) { return 0; }\n")
        try assay("escrow", "deposit", "1", tree)
        try assay("escrow", "verify", "1", tree)
        _ = try directory.write("src/main.c", "int main(void) { return 1; }\n")
        try assay("escrow", "verify", "1", tree)
        let registry = try directory.write(
            "cc-portal-products-archived.csv",
            """
            "Category","Name","Manufacturer","Scheme","Assurance Level","Protection Profile(s)","Certification Date","Archived Date","Certification Report URL","Security Target URL","Maintenance Date","Maintenance Title","Maintenance Report","Maintenance ST"
            "Network and Network-Related Devices and Systems","ZXR10 1.0","ZTE Corporation","SE","EAL4+","","01/01/2022","01/01/2025","","","","","",""

            """)
        try assay("registry", "import", "cc-portal", registry)
        try populateBinaries(directory, db: db)
        try assay("audit", "run", "--as-of", "2026-01-01", "--record")
        try assay(
            "risk", "accept", "market-restriction:vendor-1-event-1", "--owner", "Alice", "--until",
            RiskCommandTests.day(30), "--reason", "replacement ordered")
        try assay("log", "checkpoint", "--key", directory.file("zte.pem"), "-o", directory.file("cp.json"))
        return db
    }
}

extension PopulatedStore {
    /// Artefacts, expectations (one refused: its signature was tampered with), a rebuild and a verdict.
    private static func populateBinaries(_ directory: TemporaryDirectory, db: String) throws {
        func assay(_ arguments: [String], exitCode: Int32 = 0) throws {
            let result = try AssayProcess.run(arguments, database: db)
            guard result.exitCode == exitCode else {
                throw PopulateError(step: arguments.joined(separator: " "), output: result.stderr)
            }
        }
        let sigstore = Paths.fixtures + "/provenance/sigstore/intoto-canonical-log-entry__"
        let trust = ["--key", sigstore + "key.pub", "--trusted-root", sigstore + "trusted_root.json"]
        try assay(["escrow", "expect", "1", "--from", sigstore + "bundle.sigstore.json"] + trust)
        let tampered = try directory.write(
            "tampered.sigstore.json", try ExpectCommandTests.tamperedSignature(sigstore + "bundle.sigstore.json"))
        try assay(["escrow", "expect", "1", "--from", tampered] + trust, exitCode: 1)
        try assay(["artifact", "add", "ZTE", Paths.fixtures + "/provenance/sigstore/a.txt", "--site", "Rome"])
        let store = try Store(location: StoreLocation(path: db), actor: "tester")
        _ = try store.recordRebuild(deposit: 1, outcome: try RebuildFixture.outcome(in: directory, second: "two"))
        try assay(["artifact", "verify"], exitCode: 1)  // the refused evidence fails the run
    }
}

struct PopulateError: Error, CustomStringConvertible {
    let step: String
    let output: String
    var description: String { "populating the store failed at '\(step)': \(output)" }
}
