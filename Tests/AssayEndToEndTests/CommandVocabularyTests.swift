import AssayTestSupport
import Foundation
import Testing

/// One vocabulary across commands: global options before the subcommand, `--format` wherever a command prints,
/// error lines with their stable codes (JSON with `--format json`), and shell completions.
@Suite struct CommandVocabularyTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("team.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// The JSON error object on stderr, checked against `Schemas/error.schema.json`.
    func errorObject(_ run: RunResult) throws -> [String: Any] {
        #expect(run.stderr.hasSuffix("}\n") && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: run.stderr, schema: "error.schema.json") == nil)
        let object = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any]
        return try #require(object?["error"] as? [String: Any], "\(run.stderr)")
    }

    @Test func globalOptionsMayPrecedeTheSubcommand() throws {
        let other = directory.file("other.sqlite")
        let run = { (arguments: [String]) in try AssayProcess.run(arguments, environment: ["ASSAY_DB": db]) }
        #expect(try run(["--db", other, "--actor", "alice", "vendor", "add", "ZTE"]).stdout == "Added vendor #1 ZTE\n")
        #expect(try run(["--db=\(other)", "-v", "vendor", "list", "--format", "csv"]).stdout.contains("1,ZTE,"))
        #expect(
            try run(["--format", "json", "vendor", "--db", other, "show", "ZTE"]).stdout.contains("\"name\" : \"ZTE\""))
        let log = try run(["--db", other, "log", "--format", "json"])
        #expect(log.exitCode == 0 && log.stdout.contains("\"actor\" : \"alice\""))
        // The database named by $ASSAY_DB was never written.
        #expect(!FileManager.default.fileExists(atPath: db))
        let noDatabase = try run(["--db", other, "bundle", "hash", directory.path])
        #expect(noDatabase.exitCode == 64)
        #expect(noDatabase.stderr.hasPrefix("assay: error[usage]: Unknown option '--db'"))
        let help = try run(["--help"])
        #expect(help.stdout.contains("Global options, accepted before the subcommand as well as after it"))
        #expect(help.stdout.contains("--db <path>") && help.stdout.contains("-v, --verbose"))
    }

    @Test func errorLinesCarryTheStableCode() throws {
        try assay("vendor", "add", "ZTE")
        #expect(
            try assay("vendor", "show", "ZET").stderr
                == "assay: error[store.unknown-vendor]: unknown vendor 'ZET' (did you mean 'ZTE'?)\n")
        #expect(
            try assay("vendor", "add", "X", "--country", "XX").stderr
                == "assay: error[value.country]: --country: invalid country 'XX': expected an ISO 3166-1 alpha-2 code "
                + "such as CN, US or DE\n")
        let noRuns = try assay("audit", "diff")
        #expect(noRuns.exitCode == 2)
        #expect(noRuns.stderr == "assay: error: two recorded runs are needed to compare; run 'assay audit run' first\n")
    }

    @Test func usageErrorsLookLikeTheRest() throws {
        let missing = try assay("vendor", "add")
        #expect(missing.exitCode == 64)
        let lines = missing.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "assay: error[usage]: Missing expected argument '<name>'")
        #expect(lines.contains { $0.hasPrefix("Usage: assay vendor add ") })
        #expect(lines.last == "  See 'assay vendor add --help' for more information.")
        let refused = try assay("log", "verify", "--format", "csv")
        #expect(refused.exitCode == 64)
        #expect(refused.stderr.hasPrefix("assay: error[usage]: The value 'csv' is invalid for '--format <format>'"))
        let validation = try assay("log", "verify", "--checkpoint", "c.json")
        #expect(
            validation.stderr.hasPrefix(
                "assay: error[usage]: --checkpoint and --pubkey go together: give the checkpoint file and the key "
                    + "that signed it\nUsage: assay log verify"))
    }

    @Test func jsonCommandsFailWithAJSONErrorObject() throws {
        try assay("vendor", "add", "ZTE")
        let unknown = try assay("vendor", "show", "ZET", "--format", "json")
        #expect(unknown.exitCode == 2 && unknown.stdout.isEmpty)
        let error = try errorObject(unknown)
        #expect(error["code"] as? String == "store.unknown-vendor")
        #expect(error["message"] as? String == "unknown vendor 'ZET' (did you mean 'ZTE'?)")
        #expect(error["exitCode"] as? Int == 2)
        let usage = try errorObject(try assay("vendor", "list", "--format=json", "--tier"))
        #expect(usage["code"] as? String == "usage" && usage["exitCode"] as? Int == 64)
        #expect((usage["usage"] as? String)?.contains("Usage: assay vendor list") == true)
        let none = try errorObject(try assay("audit", "diff", "--format", "json"))
        #expect(none["code"] is NSNull && none["exitCode"] as? Int == 2)
        let file = try directory.write(
            "bad.csv", "vendor,type,jurisdiction,announcedOn\nZTF,market-exit,US,2019\nZTE,market-exit,US,2019-02-30\n")
        let problems = try errorObject(try assay("import", "events", file, "--format", "json"))
        #expect(problems["code"] as? String == "store.import")
        #expect((problems["lines"] as? [String])?.count == 2)
    }

    @Test func everyCommandThatPrintsTakesFormat() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN")
        let event = try assay(
            "event", "add", "ZTE", "--type", "market-exit", "--jurisdiction", "US", "--announced-on", "2019")
        #expect(event.exitCode == 0)
        let removedEvent = try assay("event", "remove", "1", "--format", "json")
        #expect(removedEvent.stdout.contains("\"type\" : \"market-exit\""))
        let removedVendor = try assay("vendor", "remove", "ZTE", "--format", "json")
        #expect(removedVendor.stdout.contains("\"name\" : \"ZTE\""))
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: removedVendor.stdout, schema: "vendor.schema.json") == nil)
        #expect(try SchemaValidator.problems(in: removedEvent.stdout, schema: "event.schema.json") == nil)
        #expect(try assay("vendor", "list", "--format", "csv").stdout.split(separator: "\r\n").count == 1)
        #expect(try assay("log", "verify", "--format", "json").stdout.contains("\"entries\""))
        #expect(try assay("audit", "diff", "--json").exitCode == 64)
        let policy = directory.file("policy.yaml")
        #expect(try assay("audit", "policy", "init", policy).exitCode == 0)
        let checked = try assay("audit", "policy", "check", policy, "--format", "json")
        #expect(checked.exitCode == 0 && checked.stdout.contains("\"policyDigest\" : \""))
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: checked.stdout, schema: "policy-check.schema.json") == nil)
        let notAPolicy = try directory.write("list.yaml", "- a\n")
        let refused = try errorObject(try assay("audit", "policy", "check", notAPolicy, "--format", "json"))
        #expect(refused["code"] as? String == "audit.policy")
    }

    @Test(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real registry rows)"))
    func registryImportWritesCSV() throws {
        let file = Paths.fixtures + "/certifications/cc-portal-products-active.csv"
        let run = try assay("registry", "import", "cc-portal", file, "--dry-run", "--format", "csv")
        let rows = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "registry,path,sha256,rows,added,updated,unchanged,matched,ambiguous,relinked,dryRun")
        #expect(rows.count == 2 && rows[1].hasPrefix("cc-portal,\(file),"))
    }

    @Test func completionsOfferTheValues() throws {
        let script = try assay("--generate-completion-script", "bash").stdout
        let values = { (values: [String]) in values.map { "'\($0)'" }.joined(separator: "$'\\n'") }
        let expected = [
            values(["iso27001", "cc", "eucc", "fips140-2", "fips140-3", "soc2", "csa-star", "nesas", "x509"]),
            values(["entity-list-listing", "sanctions-listing"]),
            values(["info", "low", "medium", "high", "critical"]),
            values(["table", "json", "csv"]), values(["text", "json"]), "'!*.@(yaml|yml)'",
        ]
        for value in expected { #expect(script.contains(value), "\(value)") }
        for option in ["--db", "--manifest"] {
            #expect(script.contains("    '\(option)')\n        __assay_add_completions -f\n"), "\(option)")
        }
    }
}
