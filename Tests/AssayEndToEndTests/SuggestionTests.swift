import AssayTestSupport
import Foundation
import Testing

/// "Did you mean" for schemes, event types, jurisdictions and finding kinds, as for vendors (issue #11); a custom
/// scheme only when asked for with --custom-scheme.
@Suite struct SuggestionTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    @Test func aMistypedSchemeIsATypoNotACustomScheme() throws {
        try assay("vendor", "add", "ZTE")
        let typo = try assay("cert", "add", "ZTE", "--scheme", "iso2700", "--number", "1")
        #expect(typo.exitCode == 2)
        #expect(
            typo.stderr
                == "assay: error: --scheme: unknown scheme 'iso2700' (did you mean 'iso27001'?): expected one of "
                + "iso27001, cc, eucc, fips140-2, fips140-3, soc2, csa-star, nesas, x509; for a scheme outside the "
                + "catalogue give --custom-scheme 'iso2700'\n")
        #expect(try assay("cert", "list", "--scheme", "SOC-3").stderr.contains("(did you mean 'soc2'?)"))
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 1 entries"), "the typo was recorded")
        let missing = try assay("cert", "add", "ZTE", "--number", "1")
        #expect(missing.exitCode == 64)
        #expect(
            missing.stderr.contains("give the scheme: --scheme iso27001 (or cc, soc2, …), or --custom-scheme NAME"))
        #expect(try assay("cert", "add", "ZTE", "--scheme", "soc2", "--custom-scheme", "TISAX").exitCode == 64)
    }

    @Test func customSchemesNeedTheExplicitOptionAndStillRead() throws {
        try assay("vendor", "add", "ZTE")
        let added = try assay("cert", "add", "ZTE", "--custom-scheme", "TISAX", "--number", "T-1")
        #expect(added.stdout == "Added certification #1: ZTE TISAX T-1\n")
        #expect(
            try assay("cert", "add", "ZTE", "--custom-scheme", "ISO/IEC 27001").stdout
                == "Added certification #2: ZTE ISO/IEC 27001\n")
        let listed = try assay("cert", "list", "--custom-scheme", "TISAX", "--format", "csv")
        #expect(listed.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[2] } == ["TISAX"])
        #expect(try assay("cert", "list", "--scheme", "TISAX").exitCode == 2)
        #expect(try assay("cert", "show", "1").stdout.contains("scheme:"))
        #expect(try assay("audit", "run", "--format", "json").exitCode == 0)
    }

    @Test func eventTypesAndJurisdictionsSuggestTheClosest() throws {
        try assay("vendor", "add", "ZTE")
        let type = try assay(
            "event", "add", "ZTE", "--type", "entity-list-listng", "--jurisdiction", "US", "--announced-on", "2019")
        #expect(type.exitCode == 2)
        #expect(
            type.stderr.hasPrefix(
                "assay: error[value.enum]: --type: invalid type 'entity-list-listng' (did you mean "
                    + "'entity-list-listing'?): expected one of entity-list-listing, "))
        let named = try assay("event", "list", "--jurisdiction", "Germany")
        #expect(
            named.stderr.hasPrefix("assay: error[value.jurisdiction]: --jurisdiction: invalid jurisdiction 'Germany' (did you mean 'DE'?)"))
        let uk = try assay("event", "list", "--jurisdiction", "UK")
        #expect(uk.stderr.hasPrefix("assay: error[value.jurisdiction]: --jurisdiction: invalid jurisdiction 'UK' (did you mean 'GB'?)"))
        let bloc = try assay("event", "list", "--jurisdiction", "Europan Union")
        #expect(bloc.stderr.contains("(did you mean 'EU'?)"))
    }

    @Test func findingKindsInAPolicySuggestTheClosest() throws {
        let policy = directory.file("policy.yaml")
        try assay("audit", "policy", "init", policy)
        let text = try String(contentsOfFile: policy, encoding: .utf8)
            .replacingOccurrences(of: "  x509-weak: medium", with: "  x509-weakness: medium")
        try Data(text.utf8).write(to: URL(fileURLWithPath: policy))
        let check = try assay("audit", "policy", "check", policy)
        #expect(check.exitCode == 2)
        #expect(
            check.stderr.contains("severities.x509-weakness: unknown key, did you mean 'x509-weak'? (expected one of: ")
        )
    }
}
