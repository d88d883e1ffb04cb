import AssayTestSupport
import Foundation
import Testing

/// `assay vendor dossier` through the real binary: escrow offers, deposits and verification runs and registry
/// reconciliation outcomes on the timeline and in the summary, in every format, respecting --as-of/--known-on.
/// SAMPLE DATA: the vendor, registry row and bundle are made up.
@Suite struct DossierEscrowTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    /// Today in UTC, the day every record below is created.
    let today: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }()

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// Borealis with two Common Criteria claims (one in the registry, one not), an offer made in 2024 with one
    /// deposit, verified once (passed) and once after tampering (failed).
    func populate() throws {
        try assay("vendor", "add", "Borealis Telecom", "--country", "FI")
        try assay(
            "cert", "add", "Borealis Telecom", "--scheme", "cc", "--level", "EAL2", "--product", "Borealis Router",
            "--issued-on", "2020-06-15", "--valid-until", "2030-06-15")
        try assay("cert", "add", "Borealis Telecom", "--scheme", "cc", "--number", "GHOST-1", "--product", "Ghost Box")
        let portal = try directory.write(
            "cc-portal.csv",
            "\"Category\",\"Name\",\"Manufacturer\",\"Scheme\",\"Assurance Level\",\"Protection Profile(s)\","
                + "\"Certification Date\",\"Archived Date\",\"Certification Report URL\",\"Security Target URL\","
                + "\"Maintenance Date\",\"Maintenance Title\",\"Maintenance Report\",\"Maintenance ST\"\r\n"
                + "\"Network and Network-Related Devices and Systems\",\"Borealis Router 1.0\",\"Borealis Telecom\","
                + "\"FI\",\"EAL2\",\"\",\"06/15/2020\",\"06/15/2030\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n")
        let imported = try assay("registry", "import", "cc-portal", portal)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        try assay(
            "escrow", "offer", "add", "Borealis Telecom", "--kind", "agent-deposit", "--agent", "Sample Escrow Agent",
            "--offered-on", "2024-01-01")
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try directory.write("bundle/README", "SAMPLE\n")
        #expect(try assay("escrow", "deposit", "1", bundle, "--label", "1.0").exitCode == 0)
        #expect(try assay("escrow", "verify", "1", bundle).exitCode == 0)
        try directory.write("bundle/README", "tampered\n")
        #expect(try assay("escrow", "verify", "1", bundle).exitCode == 1)
    }

    func dossier(_ arguments: String...) throws -> [String: Any] {
        let run = try AssayProcess.run(
            ["vendor", "dossier", "Borealis Telecom", "--format", "json"] + arguments, database: db)
        #expect(run.exitCode == 0, "\(run.stderr)")
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: run.stdout, schema: "dossier.schema.json") == nil)
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func kinds(_ dossier: [String: Any]) -> [String] {
        ((dossier["timeline"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
    }

    func summary(_ dossier: [String: Any], _ key: String) -> [[String: Any]] {
        ((dossier["summary"] as? [String: Any])?[key] as? [[String: Any]]) ?? []
    }

    @Test func escrowAndReconciliationAreOnTheTimelineAndInTheSummary() throws {
        try populate()
        let now = try dossier()
        #expect(
            kinds(now).filter { $0.hasPrefix("escrow") || $0.hasPrefix("registry") }
                == [
                    "escrow-offer", "escrow-deposit", "escrow-verification", "escrow-verification",
                    "registry-reconciliation", "registry-reconciliation",
                ])
        let offers = summary(now, "escrow")
        #expect(offers.count == 1)
        let deposit = try #require((offers.first?["deposits"] as? [[String: Any]])?.first)
        #expect(deposit["verificationRuns"] as? Int == 2)
        #expect((deposit["lastVerification"] as? [String: Any])?["outcome"] as? String == "failed")
        #expect(summary(now, "reconciliation").compactMap { $0["outcome"] as? String } == ["active", "not-found"])
        #expect(summary(now, "certifications").map { $0["registry"] as? [String] } == [["active"], ["not-found"]])
        let text = try assay("vendor", "dossier", "Borealis Telecom").stdout
        #expect(!text.contains("Not tracked yet"))
        #expect(text.contains("GHOST-1: valid, registry: not-found [certification #2]"))
        #expect(
            text.contains("agent-deposit offer via Sample Escrow Agent, offered 2024-01-01: 1 deposit(s) [offer #1]"))
        #expect(text.contains("; last verified \(today): failed, 2 run(s) [deposit #1]"))
        #expect(text.contains("not-found: Borealis Telecom's Common Criteria (ISO/IEC 15408) GHOST-1 for Ghost Box"))
        #expect(text.contains("  2024-01-01  Escrow offer #1: agent-deposit via Sample Escrow Agent\n"))
        #expect(text.contains("  \(today)  Escrow verification #2 of deposit #1: failed\n"))
        for format in ["md", "html"] {
            let rendered = try assay("vendor", "dossier", "Borealis Telecom", "--format", format).stdout
            #expect(rendered.contains("Escrow on \(today)"), "\(format)")
            #expect(rendered.contains("Registry reconciliation on \(today)"), "\(format)")
            #expect(rendered.contains("Escrow verification #2 of deposit #1: failed"), "\(format)")
            #expect(rendered.contains("registry: not-found"), "\(format)")
        }
    }

    @Test func escrowAndReconciliationRespectAsOfAndKnownOn() throws {
        try populate()
        // Known on a day before anything was recorded: nothing, not even the offer made in 2024.
        let before = try dossier("--as-of", "2025-06-01", "--known-on", "2025-06-01")
        #expect(kinds(before).isEmpty)
        #expect(summary(before, "escrow").isEmpty && summary(before, "reconciliation").isEmpty)
        // With today's knowledge: the 2024 offer was in force in 2025, the deposit and runs came later; the
        // claims are judged against the registry imported today, though the import is after the day.
        let known = try dossier("--as-of", "2025-06-01", "--known-on", today)
        #expect(kinds(known).filter { $0.hasPrefix("escrow") || $0.hasPrefix("registry") } == ["escrow-offer"])
        #expect((summary(known, "escrow").first?["deposits"] as? [Any])?.isEmpty == true)
        #expect(summary(known, "reconciliation").compactMap { $0["outcome"] as? String } == ["active", "not-found"])
        #expect(try assay("log", "verify").exitCode == 0)
    }
}
