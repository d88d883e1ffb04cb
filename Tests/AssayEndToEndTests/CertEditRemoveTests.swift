import AssayTestSupport
import Foundation
import Testing

/// `assay cert edit` and `assay cert remove` through the real binary: corrections are logged, bad ones write
/// nothing, and a removal never silently takes evidence or certificate details with it.
@Suite struct CertEditRemoveTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func shown(_ id: String) throws -> [String: Any] {
        let text = try assay("cert", "show", id, "--as-of", "2026-01-01", "--format", "json").stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func logActions() throws -> [String] {
        let text = try assay("log", "--format", "json").stdout
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return entries.compactMap { $0["action"] as? String }
    }

    func populate() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN")
        try assay("vendor", "add", "Acme, Inc.", "--country", "US")
        try assay(
            "cert", "add", "ZTE", "--scheme", "cc", "--level", "EAL4+", "--augmentation", "ALC_FLR.2",
            "--product", "ZXR10", "--version", "V5.00", "--number", "CC-1", "--issued-on", "2023-05-01",
            "--valid-until", "2028-05-01", "--notes", "typo")
    }

    @Test func editChangesOnlyTheGivenFieldsAndEmptyValuesClear() throws {
        try populate()
        let key = try #require(try shown("1")["claimKey"] as? String)
        let edited = try assay(
            "cert", "edit", "1", "--vendor", "Acme", "--number", "CC-2", "--augmentation", "", "--version", "",
            "--valid-until", "", "--notes", "", "--status", "suspended", "--lab", "Brightsight")
        #expect(edited.exitCode == 0, "\(edited.stderr)")
        #expect(edited.stdout == "Updated certification #1\n")
        let claim = try shown("1")
        #expect((claim["vendor"] as? [String: Any])?["name"] as? String == "Acme, Inc.")
        #expect(claim["number"] as? String == "CC-2")
        #expect(claim["level"] as? String == "EAL4+", "not given: unchanged")
        #expect(claim["issuedOn"] as? String == "2023-05-01")
        #expect(claim["lab"] as? String == "Brightsight")
        #expect(claim["augmentations"] as? [String] == [])
        #expect(claim["coveredVersions"] as? [String] == [])
        #expect(claim["validUntil"] == nil && claim["notes"] == nil)
        #expect(claim["status"] as? String == "suspended")
        #expect(claim["claimKey"] as? String == key)
        let history = try #require(claim["statusHistory"] as? [[String: Any]])
        #expect(history.compactMap { $0["reason"] as? String } == ["registered", "edited"])
        #expect(try logActions().suffix(2) == ["product.add", "cert.edit"])
        #expect(try assay("log", "verify").exitCode == 0)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        let text = try assay("cert", "show", "1", "--format", "json").stdout
        #expect(try SchemaValidator.problems(in: text, schema: "certification.schema.json") == nil)
    }

    @Test func aRefusedEditWritesNothing() throws {
        try populate()
        let before = try assay("log", "--format", "json").stdout
        let cases: [([String], String)] = [
            (["--valid-until", "2020-01-01"], "[store.refused]: valid-until date 2020-01-01 is before issued-on date 2023-05-01"),
            (
                ["--issued-on", "2023-02-30"],
                "[value.date]: --issued-on: invalid date '2023-02-30': expected an existing day as YYYY-MM-DD"
            ),
            (
                ["--level", "EAL9"],
                "[value.scheme-detail]: invalid Common Criteria (ISO/IEC 15408) details: level 'EAL9' is not one of EAL1, EAL1+, EAL2, "
                    + "EAL2+, EAL3, EAL3+, EAL4, EAL4+, EAL5, EAL5+, EAL6, EAL6+, EAL7, EAL7+"
            ),
            (
                ["--scheme", "x509"],
                "[store.refused]: certification #1 cannot change scheme from cc to x509: X.509 certifications come from certificate files"
            ),
            (["--vendor", "Nobody"], "[store.unknown-vendor]: unknown vendor 'Nobody'"),
        ]
        for (arguments, message) in cases {
            let result = try AssayProcess.run(["cert", "edit", "1"] + arguments, database: db)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr == "assay: error\(message)\n", "\(arguments)")
        }
        #expect(try assay("cert", "edit", "7", "--notes", "x").stderr == "assay: error[store.not-found]: no certification with id 7\n")
        #expect(try assay("log", "--format", "json").stdout == before)
        #expect(try shown("1")["notes"] as? String == "typo")
    }

    /// `cert edit` takes every field `cert add` takes: one options struct, not a copy.
    @Test func editTakesTheFieldsOfAdd() throws {
        func flags(_ help: String) -> Set<String> {
            Set(
                help.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
                    .filter { $0.hasPrefix("--") }.map(String.init))
        }
        let add = flags(try assay("cert", "add", "--help").stdout)
        let edit = flags(try assay("cert", "edit", "--help").stdout)
        #expect(add.contains("--audit-period") && add.contains("--augmentation"))
        #expect(add.subtracting(edit).isEmpty, "missing from edit: \(add.subtracting(edit))")
        #expect(edit.subtracting(add) == ["--vendor"])
    }

    @Test func removeRefusesWhileEvidenceDependsAndCascadesWhenAsked() throws {
        try populate()
        try assay("cert", "add", "ZTE", "--scheme", "iso27001", "--number", "27-1")
        let pdf = try directory.write("cert.pdf", "%PDF sample")
        try assay("cert", "attach", "1", pdf)
        let refused = try assay("cert", "remove", "1")
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error: cannot remove certification '#1': it has 1 evidence record; give --cascade to "
                + "remove them with it\n")
        #expect(try assay("cert", "show", "1").exitCode == 0)
        #expect(try assay("cert", "remove", "2").stdout == "Removed certification #2\n")
        #expect(try assay("cert", "remove", "1", "--cascade").stdout == "Removed certification #1\n")
        #expect(try assay("cert", "show", "1").stderr == "assay: error[store.not-found]: no certification with id 1\n")
        #expect(try assay("cert", "list", "--format", "csv").stdout.split(separator: "\r\n").count == 1)
        #expect(try logActions().suffix(2) == ["cert.remove", "cert.remove"])
        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 0, "\(verify.stdout)")
        #expect(try assay("cert", "remove", "1").stderr == "assay: error[store.not-found]: no certification with id 1\n")
    }

    @Test(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (a real X.509 certificate)"))
    func removeNamesX509Details() throws {
        try assay("vendor", "add", "PyCA Example", "--country", "US")
        let imported = try assay(
            "cert", "import-x509", "--vendor", "PyCA Example", Paths.fixtures + "/x509/certs/ecdsa_root.pem")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let refused = try assay("cert", "remove", "1")
        #expect(
            refused.stderr
                == "assay: error: cannot remove certification '#1': it has X.509 certificate details; give "
                + "--cascade to remove them with it\n")
        #expect(try assay("cert", "remove", "1", "--cascade").exitCode == 0)
        #expect(try assay("log", "verify").exitCode == 0)
        let again = try assay(
            "cert", "import-x509", "--vendor", "PyCA Example", Paths.fixtures + "/x509/certs/ecdsa_root.pem")
        #expect(again.stderr == "1 added, 0 unchanged\n", "the certificate can be registered again")
    }
}
