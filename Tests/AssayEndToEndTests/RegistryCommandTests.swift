import AssayTestSupport
import Foundation
import Testing

/// Registry imports and reconciliation on the real CC portal and CMVP rows of `../shared/fixtures/certifications`.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real registry rows)"))
struct RegistryCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    let certifications = Paths.fixtures + "/certifications"

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func importRegistries() throws {
        try assay("vendor", "add", "Cisco Systems, Inc.", "--country", "US", "--alias", "Cisco")
        try assay("vendor", "add", "Fortinet, Inc.", "--country", "US")
        let cmvp = try assay("registry", "import", "cmvp", certifications + "/nist-cmvp-modules-active.json")
        #expect(cmvp.exitCode == 0)
        #expect(cmvp.stdout.contains("1073 added, 0 updated, 0 unchanged"))
        let cc = try assay("registry", "import", "cc-portal", certifications + "/cc-portal-products-active.csv")
        #expect(cc.stdout.contains("3 added, 0 updated, 0 unchanged; 1 matched to vendors"))
    }

    @Test func importingTwiceChangesNothingAndDryRunWritesNothing() throws {
        try assay("vendor", "add", "Fortinet, Inc.", "--country", "US")
        let dry = try assay(
            "registry", "import", "cc-portal", certifications + "/cc-portal-products-active.csv", "--dry-run")
        #expect(dry.stdout.hasPrefix("would import 3 cc-portal rows"))
        #expect(try assay("registry", "list", "--format", "json").stdout == "[\n\n]\n")
        try assay("registry", "import", "cc-portal", certifications + "/cc-portal-products-active.csv")
        let again = try assay("registry", "import", "cc-portal", certifications + "/cc-portal-products-active.csv")
        #expect(again.stdout.contains("0 added, 0 updated, 3 unchanged"))
        #expect(again.stdout.hasSuffix("nothing changed\n"))
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 2 entries"))
        let listed = try assay("registry", "list", "--vendor", "Fortinet", "--format", "csv").stdout
        #expect(
            listed.contains(
                "cc-portal,\"Fortinet, Inc.\",Fortinet FortiGate w/ FortiOS v5.6.7,,,2019-05-22,2024-05-24,active"))
    }

    @Test func ambiguousManufacturersAreReportedNotMerged() throws {
        try assay("vendor", "add", "Cisco Systems", "--country", "US")
        try assay("vendor", "add", "Cisco Holdings", "--country", "US", "--alias", "Cisco Systems Inc")
        let run = try assay("registry", "import", "cmvp", certifications + "/nist-cmvp-modules-active.json")
        #expect(run.stdout.contains("ambiguous: 'Cisco Systems, Inc.' fits Cisco Holdings, Cisco Systems; not linked"))
        #expect(
            try assay("registry", "list", "--vendor", "Cisco Systems", "--format", "csv").stdout
                .split(separator: "\r\n").count == 1)
    }

    @Test func claimsAreReconciledWithTheRecordsTheyRestOn() throws {
        try importRegistries()
        try assay(
            "cert", "add", "Cisco", "--scheme", "fips140-3", "--number", "#5160", "--product",
            "Cisco FIPS Provider 3.1.2", "--issued-on", "2026-02-13", "--level", "1")
        try assay("cert", "add", "Cisco", "--scheme", "fips140-3", "--number", "99999")
        try assay("cert", "add", "Cisco", "--scheme", "fips140-2", "--number", "5160")
        try assay(
            "cert", "add", "Fortinet", "--scheme", "cc", "--product", "Fortinet FortiGate", "--version", "v5.6.7",
            "--version", "v6.0", "--issued-on", "2019-05-20")
        let run = try assay("cert", "reconcile", "--as-of", "2026-11-01", "--format", "json")
        #expect(run.exitCode == 1)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        for finding in findings {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: finding), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: text, schema: "reconciliation.schema.json") == nil)
        }
        let records = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try assay("registry", "list", "--vendor", "Fortinet", "--format", "json").stdout.utf8))
                as? [Any])
        for record in records {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: text, schema: "registry-record.schema.json") == nil)
        }
        let outcomes = findings.map { "\($0["certificationId"] as? Int ?? 0) \($0["outcome"] as? String ?? "")" }
        #expect(
            outcomes == [
                "1 active", "2 not-found", "3 not-found", "4 archived", "4 version-not-covered",
                "4 dates-disagree",
            ])
        #expect(run.stdout.contains("is a FIPS 140-3 validation"))
        let earlier = try assay("cert", "reconcile", "Fortinet", "--as-of", "2020-01-01")
        #expect(earlier.stdout.contains(" active "))
        // The same outcomes are findings of the audit report.
        let audit = try assay("audit", "run", "--as-of", "2026-11-01", "--format", "json")
        for kind in ["registry-not-found", "registry-archived", "registry-not-covered", "registry-dates-disagree"] {
            #expect(audit.stdout.contains("\"kind\" : \"\(kind)\""), "\(kind)")
        }
        #expect(audit.stdout.contains("\"id\" : \"registry-not-found:certification-2-not-found\""))
    }

    @Test func badRegistryFilesAreOneLineAndImportNothing() throws {
        let missing = try directory.write("cc.csv", "\"Category\",\"Name\"\n\"a\",\"b\"\n")
        let run = try assay("registry", "import", "cc-portal", missing)
        #expect(run.exitCode == 2)
        #expect(
            run.stderr.hasPrefix("assay: error[registry.missing-columns]: \(missing): missing columns 'Manufacturer'"))
        let json = try directory.write("cmvp.json", "[1, 2]")
        let shape = try assay("registry", "import", "cmvp", json)
        #expect(shape.exitCode == 2 && shape.stderr.contains("unexpected JSON"))
        #expect(try assay("log", "verify").stdout.hasPrefix("OK the log is empty"))
    }

    @Test func claimedCertificationsRoundTrip() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN", "--alias", "ZTE Corporation")
        let claims = try directory.write(
            "claims.csv",
            """
            vendor,scheme,certificate_number,issuer,lab,product,versions,scope,issued_on,valid_until,status,notes
            ZTE,ISO/IEC 27001,IS 12345,BSI,,,,"R&D, manufacturing",2024-01-01,2027-01-01,active,sample
            ZTE Corporation,Common Criteria,CC-2020-01,,Brightsight,ZXR10 9900,V5.00;V5.01,router,2020-05-01,2025-05-01,active,

            """)
        #expect(try assay("import", "certifications", claims).stdout == "added:     2\nupdated:   0\nunchanged: 0\n")
        #expect(try assay("import", "certifications", claims).stdout == "added:     0\nupdated:   0\nunchanged: 2\n")
        let exported = try assay("export", "certifications", "--format", "json").stdout
        let file = try directory.write("exported.json", exported)
        #expect(try assay("import", "certifications", file).stdout.hasSuffix("unchanged: 2\n"))
        let changed = try directory.write(
            "changed.csv",
            """
            vendor,scheme,certificate_number,issuer,lab,product,versions,scope,issued_on,valid_until,status,notes
            ZTE,iso27001,IS 12345,BSI,,,,"R&D, manufacturing",2024-01-01,2027-01-01,suspended,sample

            """)
        #expect(try assay("import", "certifications", changed).stdout.hasPrefix("added:     0\nupdated:   1"))
        #expect(try assay("cert", "show", "1").stdout.contains("suspended: imported"))
        let bad = try directory.write(
            "bad.csv",
            """
            vendor,scheme,certificate_number,issued_on,status
            Nobody,iso27001,1,2024-01-01,active

            """)
        let refused = try assay("import", "certifications", bad)
        #expect(refused.exitCode == 2)
        #expect(refused.stderr == "assay: error[store.import]: \(bad):record 1: unknown vendor 'Nobody'\n")
    }
}

/// Audit reports carry the latest signed checkpoint, so a report can be tied to a head kept outside the database.
@Suite struct AuditCheckpointTests {
    @Test func theReportNamesTheLatestCheckpoint() throws {
        let directory = TemporaryDirectory()
        let db = directory.file("assay.sqlite")
        let key = directory.file("org.pem")
        try OpenSSL.run(["genpkey", "-algorithm", "ed25519", "-out", key])
        _ = try AssayProcess.run(["vendor", "add", "ZTE", "--country", "CN"], database: db)
        let checkpoint = try AssayProcess.run(
            ["log", "checkpoint", "--key", key, "-o", directory.file("cp.json")], database: db)
        #expect(checkpoint.exitCode == 0, "\(checkpoint.stderr)")
        let report = try AssayProcess.run(["audit", "run", "--format", "json"], database: db)
        #expect(try SchemaValidator.problems(in: report.stdout, schema: "audit-report.schema.json") == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let stored = try #require(object["checkpoint"] as? [String: Any])
        #expect(stored["seq"] as? Int == 1)
        let markdown = try AssayProcess.run(["audit", "run", "--format", "md"], database: db)
        #expect(markdown.stdout.contains("Latest signed checkpoint:** entry 1, "))
    }
}
