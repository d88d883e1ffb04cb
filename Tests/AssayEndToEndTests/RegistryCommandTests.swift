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

    /// NIST's historical list as the NIST-CMVP-API crawler publishes it (`Status`, no `standard`): real rows, and
    /// Cisco's #5160 as it will read once it leaves the active list.
    static let historicalModules = """
        {"metadata": {"total_historical_modules": 3, "version": "2.0"},
         "modules": [
          {"Certificate Number": "4651", "Vendor Name": "Cisco Systems, Inc.",
           "Module Name": "Cisco ISR 4000 Series Routers with MACSEC", "Module Type": "Hardware",
           "Validation Date": "11/02/2023", "Status": "Historical"},
          {"Certificate Number": "4646", "Vendor Name": "Dell Australia Pty Limited, BSAFE Product Team",
           "Module Name": "RSA BSAFE® Crypto-J JSAFE and JCE Software Module 6.2.5", "Module Type": "Software",
           "Validation Date": "10/25/202312/21/2023", "Status": "Historical"},
          {"Certificate Number": "5160", "Vendor Name": "Cisco Systems, Inc.",
           "Module Name": "Cisco FIPS Provider 3.1.2 based on the OpenSSL FIPS Provider", "Module Type": "Software",
           "Validation Date": "02/13/2026", "Status": "Historical"}
         ]}
        """

    /// A revoked list: rows without `Status`, so the list gives it, one with an empty validation date.
    static let revokedModules = """
        {"revoked_modules": [
          {"Certificate Number": "1111", "Vendor Name": "Cisco Systems, Inc", "Module Name": "Cisco Revoked Module",
           "Module Type": "firmware", "Validation Date": "03/04/2009", "Standard": "FIPS 140-2",
           "Sunset Date": "", "Overall Level": "2"},
          {"Certificate Number": "1112", "Vendor Name": "Cisco Systems, Inc.", "Module Name": "Cisco Other Module",
           "Module Type": "Hardware", "Validation Date": ""}
        ]}
        """

    @Test func historicalAndRevokedListsImportAndReconcile() throws {
        try importRegistries()
        let historical = try directory.write("historical-modules.json", Self.historicalModules)
        let revoked = try directory.write("revoked.json", Self.revokedModules)
        let first = try assay("registry", "import", "cmvp", historical)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 added, 1 updated, 0 unchanged; 2 matched to vendors"))
        let second = try assay("registry", "import", "cmvp", revoked)
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stdout.contains("2 added, 0 updated, 0 unchanged; 2 matched to vendors"))
        #expect(try assay("registry", "import", "cmvp", historical).stdout.hasSuffix("nothing changed\n"))
        let json = try assay("registry", "import", "cmvp", revoked, "--dry-run", "--format", "json").stdout
        #expect(try SchemaValidator.problems(in: json, schema: "registry-import.schema.json") == nil)
        #expect(json.contains("\"unchanged\" : 2"))
        let listed = try assay("registry", "list", "--vendor", "Cisco", "--format", "json").stdout
        let records = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let byNumber = Dictionary(uniqueKeysWithValues: records.map { ($0["certificateNumber"] as? String ?? "", $0) })
        #expect(byNumber["4651"]?["status"] as? String == "historical")
        #expect(byNumber["4651"]?["scheme"] == nil)
        // What the historical list does not say is kept from the active list; what it says replaces it.
        #expect(byNumber["5160"]?["status"] as? String == "historical")
        #expect(byNumber["5160"]?["scheme"] as? String == "FIPS 140-3")
        #expect(byNumber["1111"]?["status"] as? String == "revoked")
        #expect(byNumber["1111"]?["category"] as? String == "Firmware")
        #expect(byNumber["1112"]?["certifiedOn"] == nil)
        for record in records {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: text, schema: "registry-record.schema.json") == nil)
        }
        try assay("cert", "add", "Cisco", "--scheme", "fips140-2", "--number", "1111")
        try assay("cert", "add", "Cisco", "--scheme", "fips140-2", "--number", "4651")
        try assay("cert", "add", "Cisco", "--scheme", "fips140-3", "--number", "5160")
        let run = try assay("cert", "reconcile", "--as-of", "2026-06-01", "--format", "json")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(findings.map { $0["outcome"] as? String ?? "" } == ["revoked", "archived", "archived"])
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func linksDoNotDependOnWhetherVendorsOrRecordsCameFirst() throws {
        let cmvp = certifications + "/nist-cmvp-modules-active.json"
        let cc = certifications + "/cc-portal-products-active.csv"
        // The other order, in a database of its own: vendors first, then the registries.
        let vendorsFirst = directory.file("vendors-first.sqlite")
        for arguments in [
            ["vendor", "add", "Cisco Systems, Inc.", "--country", "US", "--alias", "Cisco"],
            ["registry", "import", "cmvp", cmvp], ["registry", "import", "cc-portal", cc],
        ] {
            #expect(try AssayProcess.run(arguments, database: vendorsFirst).exitCode == 0)
        }
        let expected = try AssayProcess.run(
            ["registry", "list", "--vendor", "Cisco", "--format", "csv"], database: vendorsFirst
        ).stdout
        #expect(expected.split(separator: "\r\n").count == 33)

        try assay("registry", "import", "cmvp", cmvp)
        try assay("registry", "import", "cc-portal", cc)
        let added = try assay("vendor", "add", "Cisco Systems, Inc.", "--country", "US", "--alias", "Cisco")
        #expect(
            added.stdout
                == "Added vendor #1 Cisco Systems, Inc. (US)\n32 registry records linked to Cisco Systems, Inc.\n")
        #expect(try assay("registry", "list", "--vendor", "Cisco", "--format", "csv").stdout == expected)
        try assay("cert", "add", "Cisco", "--scheme", "fips140-3", "--number", "5160")
        #expect(try assay("cert", "reconcile", "--as-of", "2026-06-01").stdout.contains(" active "))

        // A vendor that makes the name ambiguous unlinks the records, and says so; removing it links them back.
        let holdings = try assay("vendor", "add", "Cisco Holdings", "--alias", "Cisco Systems Inc")
        #expect(
            holdings.stdout.contains(
                "ambiguous: 'Cisco Systems, Inc.' fits Cisco Holdings, Cisco Systems, Inc.; not linked"))
        #expect(
            try assay("registry", "list", "--vendor", "Cisco", "--format", "csv").stdout.split(separator: "\r\n").count
                == 1)
        #expect(try assay("vendor", "remove", "Cisco Holdings").exitCode == 0)
        #expect(try assay("registry", "list", "--vendor", "Cisco", "--format", "csv").stdout == expected)

        // An alias added later links too; a renamed vendor keeps only what its names still match.
        try assay("vendor", "add", "Fortinet Holdings", "--country", "US")
        let alias = try assay("vendor", "edit", "Fortinet Holdings", "--add-alias", "Fortinet, Inc.")
        #expect(alias.stdout.hasSuffix("14 registry records linked to Fortinet Holdings\n"))
        try assay("vendor", "edit", "Fortinet Holdings", "--remove-alias", "Fortinet, Inc.")
        #expect(
            try assay("registry", "list", "--vendor", "Fortinet Holdings", "--format", "csv").stdout
                .split(separator: "\r\n").count == 1)
        // Removing a linked vendor unlinks its records in the same, logged, transaction.
        #expect(try assay("vendor", "add", "Canonical Ltd.").stdout.contains("registry records linked to Canonical"))
        try assay("vendor", "remove", "Canonical Ltd.")
        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(try assay("log", "--format", "json").stdout.contains("\"action\" : \"registry.relink\""))
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
