import AssayTestSupport
import Foundation
import GRDB
import Testing

@Suite struct CertCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func populate() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN", "--alias", "ZTE Corporation")
        try assay(
            "cert", "add", "ZTE", "--scheme", "iso27001", "--number", "12345", "--issuer", "BSI",
            "--issued-on", "2024-01-01", "--valid-until", "2027-01-01")
        try assay(
            "cert", "add", "ZTE Corporation", "--scheme", "cc", "--level", "EAL4+", "--augmentation", "ALC_FLR.2",
            "--product", "ZXR10", "--version", "V5.00", "--lab", "Brightsight", "--scope", "router OS",
            "--issued-on", "2023-05-01", "--valid-until", "2028-05-01")
        try assay(
            "cert", "add", "ZTE", "--scheme", "soc2", "--level", "II", "--audit-period", "2025-01-01..2025-06-30",
            "--issued-on", "2025-08-01", "--valid-until", "2026-12-15", "--number", "S-1", "--notes", "sample")
    }

    @Test func theIssueExamplesWorkAsWritten() throws {
        try populate()
        let expiring = try assay(
            "cert", "list", "--expiring-within", "90d", "--as-of", "2026-12-01", "--format", "json")
        #expect(expiring.exitCode == 0)
        let items = try JSONSerialization.jsonObject(with: Data(expiring.stdout.utf8)) as? [[String: Any]]
        #expect(items?.compactMap { $0["number"] as? String } == ["S-1", "12345"])
        #expect(items?.first?["daysRemaining"] as? Int == 14)
        let verify = try AssayProcess.run(["log", "verify"], environment: ["ASSAY_DB": db])
        #expect(verify.exitCode == 0 && verify.stdout.hasPrefix("OK 5 entries; head 5 "))
    }

    @Test func tableAndCSVListings() throws {
        try populate()
        let table = try assay("cert", "list", "--as-of", "2026-12-01").stdout
        #expect(table.split(separator: "\n").first?.hasPrefix("ID  VENDOR  SCHEME    LEVEL  NUMBER") == true)
        let csv = try assay("cert", "list", "--as-of", "2027-02-01", "--format", "csv", "--validity", "expired").stdout
        #expect(
            csv == "ID,VENDOR,SCHEME,LEVEL,NUMBER,ISSUER,VALID UNTIL,DAYS,VALIDITY\r\n"
                + "3,ZTE,soc2,II,S-1,,2026-12-15,-48,expired\r\n1,ZTE,iso27001,,12345,BSI,2027-01-01,-31,expired\r\n")
    }

    @Test func statusHistoryEvidenceAndSchemas() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        try populate()
        let suspended = try assay(
            "cert", "set-status", "2", "suspended", "--effective-on", "2026-01-10", "--reason", "NCR")
        #expect(suspended.stdout == "Certification #2 is suspended from 2026-01-10\n")
        let pdf = try directory.write("cert.pdf", "%PDF sample")
        let attached = try assay("cert", "attach", "2", pdf, "--effective-on", "2026-01-10", "--format", "json")
        #expect(try SchemaValidator.problems(in: attached.stdout, schema: "evidence.schema.json") == nil)
        #expect(try assay("cert", "attach", "2", pdf).stdout.hasPrefix("Already attached as evidence #1"))
        let shown = try assay("cert", "show", "2", "--as-of", "2026-02-01", "--format", "json")
        #expect(try SchemaValidator.problems(in: shown.stdout, schema: "certification.schema.json") == nil)
        #expect(shown.stdout.contains("\"validity\" : \"suspended\""))
        let list = try assay("cert", "list", "--format", "json")
        #expect(try SchemaValidator.problems(in: firstElement(list.stdout), schema: "certification.schema.json") == nil)
        let log = try assay("log", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [Any])
        for entry in entries {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: entry), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: text, schema: "log-entry.schema.json") == nil)
        }
        let verify = try assay("log", "verify", "--format", "json")
        #expect(try SchemaValidator.problems(in: verify.stdout, schema: "log-verification.schema.json") == nil)
    }

    func firstElement(_ array: String) throws -> String {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(array.utf8)) as? [Any])
        return String(decoding: try JSONSerialization.data(withJSONObject: items[0]), as: UTF8.self)
    }

    @Test func badInputNamesTheFlag() throws {
        try assay("vendor", "add", "ZTE")
        let cases: [([String], String)] = [
            (["cert", "add", "ZTE", "--scheme", "iso27001", "--issued-on", "2024-02-30"],
             "assay: error[value.date]: --issued-on: invalid date '2024-02-30': expected an existing day as YYYY-MM-DD\n"),
            (["cert", "add", "ZTF", "--scheme", "iso27001"], "assay: error[store.unknown-vendor]: unknown vendor 'ZTF' (did you mean 'ZTE'?)\n"),
            (["cert", "add", "ZTE", "--scheme", "fips140-3", "--level", "5"],
             "assay: error[value.scheme-detail]: invalid FIPS 140-3 details: level '5' is not one of 1, 2, 3, 4\n"),
            (["cert", "list", "--expiring-within", "soon"],
             "assay: error[value.duration]: --expiring-within: invalid duration 'soon': expected a whole number and a unit: d, w, mo or y "
                + "for days, weeks, months or years (90d, 6mo); h, min or s for hours, minutes or seconds (24h, 30min)\n"),
            (["cert", "set-status", "7", "revoked"], "assay: error[store.not-found]: no certification with id 7\n"),
            (["cert", "set-status", "1", "expired"],
             "assay: error[value.enum]: STATUS: invalid status 'expired': expected one of active, suspended, withdrawn, revoked\n"),
            (["cert", "attach", "1", "/nonexistent/file.pdf"], "assay: error[store.io]: /nonexistent/file.pdf: No such file or directory\n"),
        ]
        for (arguments, message) in cases {
            let result = try AssayProcess.run(arguments, database: db)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 1 entries"))
    }

    @Test func logVerifyFailsWithExitOneOnTampering() throws {
        try populate()
        let queue = try DatabaseQueue(path: db)
        try queue.write { try $0.execute(sql: AppendOnlyTriggers.drop + " UPDATE auditLog SET actor = 'mallory' WHERE seq = 2") }
        let result = try assay("log", "verify")
        #expect(result.exitCode == 1)
        #expect(result.stdout == "BROKEN at entry 2: its content does not match its hash (the entry was edited)\n")
    }

    @Test func databaseProblemsAreClear() throws {
        let notADatabase = try directory.write("notes.txt", String(repeating: "plain text, not SQLite\n", count: 50))
        let result = try AssayProcess.run(["vendor", "list", "--db", notADatabase])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr
                == "assay: error[store.not-a-database]: \(notADatabase) is not an Assay database (not an SQLite file)\n"
        )
        let readOnlyFolder = directory.file("ro")
        try FileManager.default.createDirectory(
            atPath: readOnlyFolder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o500])
        if getuid() != 0 {
            let denied = try AssayProcess.run(["vendor", "list", "--db", readOnlyFolder + "/a.sqlite"])
            #expect(denied.exitCode == 2)
            #expect(
                denied.stderr.hasPrefix(
                    "assay: error[store.cannot-open]: cannot open database \(readOnlyFolder)/a.sqlite"))
        }
    }
}
