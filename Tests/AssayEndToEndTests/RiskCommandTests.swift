import AssayTestSupport
import Foundation
import Testing

/// Runs `assay risk …` and the audits that weigh acceptances, as a person and a daily job would. Acceptances start
/// on the day they are made, so the days here are counted from today.
@Suite struct RiskCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// Today plus `offset` days, as YYYY-MM-DD in UTC.
    static func day(_ offset: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    /// SAMPLE DATA: a tier-1 supplier without ISO/IEC 27001 (finding on vendor 1), and a supplier whose SOC 2
    /// report has expired (certification 1), audited once.
    func scenario() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN", "--relationship", "supplier", "--tier", "1")
        try assay("vendor", "add", "Nokia", "--country", "FI", "--relationship", "supplier", "--tier", "2")
        try assay(
            "cert", "add", "Nokia", "--scheme", "soc2", "--number", "SAMPLE-1", "--issued-on", "2024-01-01",
            "--valid-until", "2025-05-01")
        #expect(try assay("audit", "run", "--record").exitCode == 0)
    }

    let missing = "required-scheme-missing:vendor-1-iso27001"
    let expired = "certification-expired:certification-1"

    /// The JSON report of `audit run ARGS… --format json`, checked against its schema.
    func report(_ arguments: String...) throws -> (exitCode: Int32, json: [String: Any]) {
        let run = try AssayProcess.run(["audit", "run", "--record", "--format", "json"] + arguments, database: db)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: run.stdout, schema: "audit-report.schema.json") == nil)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return (run.exitCode, json)
    }

    static func ids(_ report: [String: Any], _ key: String) -> [String] {
        (report[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func acceptListShowRevokeAreLoggedAndFollowTheirSchema() throws {
        try scenario()
        let accept = try assay(
            "risk", "accept", missing, "--owner", "Alice", "--until", Self.day(30), "--reason", "audit booked",
            "--ticket", "SEC-1")
        #expect(accept.exitCode == 0)
        #expect(accept.stdout == "Accepted risk #1: \(missing) until \(Self.day(30)) (owner Alice)\n")
        #expect(accept.stderr.isEmpty, "the finding is in the latest run: no warning")
        let list = try assay("risk", "list")
        #expect(list.stdout.split(separator: "\n").last?.hasPrefix("1   \(missing)  ZTE     high      Alice") == true)
        #expect(list.stdout.contains("  active  SEC-1\n"))
        let json = try assay("risk", "list", "--format", "json").stdout
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
        #expect(items.count == 1)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        for item in items {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: item), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: text, schema: "risk-acceptance.schema.json") == nil)
        }
        let show = try assay("risk", "show", "1")
        #expect(show.stdout.contains("owner:       Alice\n") && show.stdout.contains("state today: active\n"))

        let revoke = try assay("risk", "revoke", "1", "--reason", "certification booked instead")
        #expect(revoke.exitCode == 0 && revoke.stdout == "Revoked risk acceptance #1: \(missing)\n")
        let again = try assay("risk", "revoke", "1", "--reason", "twice")
        #expect(again.exitCode == 2)
        #expect(again.stderr == "assay: error[store.refused]: risk acceptance #1 was already revoked on \(Self.day(0)) by tester\n")
        let revoked = try assay("risk", "show", "1", "--format", "json").stdout
        #expect(try SchemaValidator.problems(in: revoked, schema: "risk-acceptance.schema.json") == nil)
        #expect(revoked.contains("\"reason\" : \"certification booked instead\""))
        #expect(try assay("risk", "list").stdout.split(separator: "\n").count == 1, "revoked ones are left out")
        #expect(try assay("risk", "list", "--all").stdout.contains("  revoked  SEC-1\n"))
        #expect(try assay("risk", "list", "--vendor", "Nokia").stdout.split(separator: "\n").count == 1)
        #expect(try assay("risk", "list", "--expired", "--all").exitCode == 64)

        let log = try assay("log", "list", "--format", "csv").stdout
        #expect(log.contains(",risk.accept,") && log.contains(",risk.revoke,"))
        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    @Test func refusalsWriteNothingAndAWrongIdIsWarnedAbout() throws {
        try scenario()
        let notAnId = try assay("risk", "accept", "x509", "--owner", "A", "--until", Self.day(1), "--reason", "r")
        #expect(notAnId.exitCode == 2)
        #expect(notAnId.stderr.hasPrefix("assay: error[audit.finding-id]: 'x509' is not a finding id: it has no ':' (expected KIND:KEY"))
        let tooLong = try assay("risk", "accept", expired, "--owner", "A", "--until", Self.day(91), "--reason", "r")
        #expect(tooLong.exitCode == 2)
        #expect(
            tooLong.stderr
                == "assay: error[audit.acceptance-refused]: the policy allows accepting high findings for at most 90 days: until "
                + "\(Self.day(90)) at the latest, not \(Self.day(91))\n")
        let critical = try assay(
            "risk", "accept", "audit-log-broken:audit-log", "--owner", "A", "--until", Self.day(1), "--reason", "r")
        #expect(critical.exitCode == 2 && critical.stderr.contains("no acceptance of critical findings"))
        let badDay = try assay("risk", "accept", expired, "--owner", "A", "--until", "soon", "--reason", "r")
        #expect(badDay.exitCode == 2 && badDay.stderr.hasPrefix("assay: error[value.date]: --until: invalid date 'soon'"))
        let past = try assay("risk", "accept", expired, "--owner", "A", "--until", Self.day(-1), "--reason", "r")
        #expect(past.exitCode == 2 && past.stderr.contains("must last at least until the day it is made"))
        #expect(try assay("risk", "list", "--all").stdout.split(separator: "\n").count == 1)

        let typo = try assay(
            "risk", "accept", "certification-expired:certification-9", "--owner", "A", "--until", Self.day(10),
            "--reason", "r")
        #expect(typo.exitCode == 0)
        #expect(
            typo.stderr.hasPrefix(
                "assay: warning: certification-expired:certification-9 is not in the latest recorded audit run (#1, "))
        let twice = try assay(
            "risk", "accept", "certification-expired:certification-9", "--owner", "B", "--until", Self.day(5),
            "--reason", "r")
        #expect(twice.exitCode == 2)
        #expect(twice.stderr.contains("is already accepted until \(Self.day(10)) (risk acceptance #1)"))
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func auditsListAcceptedFindingsApartAndCountThemAgainWhenTheAcceptanceEnds() throws {
        try scenario()
        try assay("risk", "accept", missing, "--owner", "Alice", "--until", Self.day(30), "--reason", "audit booked")
        try assay("risk", "accept", expired, "--owner", "Bob", "--until", Self.day(10), "--reason", "renewal")
        let today = try report("--fail-on", "high")
        #expect(today.exitCode == 0, "accepted findings never fail an audit")
        #expect(Self.ids(today.json, "findings").isEmpty)
        #expect(Self.ids(today.json, "accepted") == [expired, missing])
        let owner = (today.json["accepted"] as? [[String: Any]])?.first?["acceptance"] as? [String: Any]
        #expect(owner?["owner"] as? String == "Bob" && owner?["until"] as? String == Self.day(10))

        let markdown = try assay("audit", "run", "--record", "--format", "md").stdout
        #expect(markdown.contains("## Accepted risks\n\n- HIGH certification-expired (Nokia): "))
        #expect(markdown.contains("Accepted until \(Self.day(30)) by Alice (risk acceptance #1): audit booked"))
        let since = try assay("audit", "run", "--record", "--since", "last").stderr
        #expect(since.contains("persisting high     \(expired)  Nokia: "))
        #expect(since.contains("(accepted: risk acceptance #2)\n"))
        #expect(since.contains("\n0 new, 0 resolved, 2 persisting\n"))
        let summary = try assay("audit", "run", "--record").stderr
        #expect(summary.hasPrefix("Audit as of \(Self.day(0)): 0 findings; 2 accepted\n"))
        let csv = try assay("audit", "run", "--record", "--format", "csv").stdout
        #expect(csv.contains(",2,Bob,\(Self.day(10)),renewal\r\n"))
        let html = try assay("audit", "run", "--record", "--format", "html").stdout
        #expect(html.contains("<h2>Accepted risks</h2>") && html.contains("by Bob (risk acceptance #2): renewal"))

        let later = try report("--as-of", Self.day(20), "--fail-on", "high")
        #expect(later.exitCode == 1)
        #expect(Self.ids(later.json, "findings") == [expired, "acceptance-expired:risk-2"])
        #expect(Self.ids(later.json, "accepted") == [missing])
        // Before the acceptances were made they do not apply.
        #expect(Self.ids(try report("--as-of", Self.day(-1)).json, "accepted").isEmpty)

        // ZTE gets its certification: the acceptance of the missing scheme is now stale.
        try assay(
            "cert", "add", "ZTE", "--scheme", "iso27001", "--number", "SAMPLE-2", "--issued-on", Self.day(-1),
            "--valid-until", Self.day(700))
        let resolved = try report()
        #expect(Self.ids(resolved.json, "findings") == ["acceptance-stale:risk-1"])
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func failOnNewAlertsOnceAboutEachNewFinding() throws {
        try assay("vendor", "add", "ZTE", "--relationship", "supplier", "--tier", "1")
        let first = try assay("audit", "run", "--record", "--fail-on", "new:high")
        #expect(first.exitCode == 1)
        #expect(first.stderr.hasSuffix("assay: new since no earlier run: \(missing)\n"))
        #expect(try assay("audit", "run", "--record", "--fail-on", "new:high").exitCode == 0, "the same finding alerts once")
        try assay("vendor", "add", "Acme", "--relationship", "supplier", "--tier", "1")
        let added = try assay("audit", "run", "--record", "--fail-on", "new:high")
        #expect(added.exitCode == 1)
        #expect(added.stderr.hasSuffix("assay: new since run #2: required-scheme-missing:vendor-2-iso27001\n"))
        #expect(try assay("audit", "run", "--record", "--fail-on", "new:high").exitCode == 0)
        #expect(try assay("audit", "run", "--record", "--fail-on", "high").exitCode == 1, "without new: every day")

        // Accepted, then past its last day: the finding counts again, and that is news once.
        try assay("risk", "accept", missing, "--owner", "Alice", "--until", Self.day(5), "--reason", "audit booked")
        #expect(try assay("audit", "run", "--record", "--fail-on", "new:high").exitCode == 0)
        let ended = try assay("audit", "run", "--record", "--as-of", Self.day(6), "--fail-on", "new:high")
        #expect(ended.exitCode == 1)
        #expect(ended.stderr.hasSuffix("assay: new since run #6: \(missing)\n"))
        #expect(try assay("audit", "run", "--record", "--as-of", Self.day(6), "--fail-on", "new:high").exitCode == 0)
        let bad = try assay("audit", "run", "--record", "--fail-on", "new:severe")
        #expect(bad.exitCode == 2 && bad.stderr.hasPrefix("assay: error[value.enum]: --fail-on: invalid severity 'severe'"))
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func anAuditEndsAnAcceptanceAtItsPolicysLimit() throws {
        try scenario()
        try assay("risk", "accept", expired, "--owner", "Bob", "--until", Self.day(60), "--reason", "renewal")
        let policy = directory.file("strict.yaml")
        try assay("audit", "policy", "init", policy)
        let strict = try String(contentsOfFile: policy, encoding: .utf8)
            .replacingOccurrences(of: "    high: 90\n", with: "    high: 14\n")
        try Data(strict.utf8).write(to: URL(fileURLWithPath: policy))
        #expect(Self.ids(try report("--policy", policy, "--as-of", Self.day(14)).json, "accepted") == [expired])
        let capped = try report("--policy", policy, "--as-of", Self.day(15))
        #expect(Self.ids(capped.json, "findings").contains("acceptance-expired:risk-1"))
        let message =
            (capped.json["findings"] as? [[String: Any]])?
            .first { $0["id"] as? String == "acceptance-expired:risk-1" }?["message"] as? String
        #expect(message?.contains("ended on \(Self.day(14)), the policy's limit of 14 days for high findings") == true)
        let none = strict.replacingOccurrences(of: "    high: 14\n", with: "    high: none\n")
        try Data(none.utf8).write(to: URL(fileURLWithPath: policy))
        #expect(Self.ids(try report("--policy", policy).json, "accepted").isEmpty)
        let refused = try assay(
            "risk", "accept", missing, "--owner", "A", "--until", Self.day(1), "--reason", "r", "--policy", policy)
        #expect(refused.exitCode == 2 && refused.stderr.contains("no acceptance of high findings"))
    }
}
