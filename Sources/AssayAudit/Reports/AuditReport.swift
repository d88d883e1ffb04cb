import AssayCore
import AssayStore

/// The result of an audit as written to `--format json` (`Schemas/audit-report.schema.json`) and rendered
/// as text, Markdown, CSV or HTML.
public struct AuditReport: Codable, Sendable, Equatable {
    /// The report format's version.
    public var schemaVersion = 1
    /// When the report was generated (ISO 8601 UTC).
    public var generatedAt: String
    /// The day evaluated.
    public var asOf: CalendarDate
    /// The Assay version that produced it.
    public var tool: String
    /// SHA-256 of the policy's canonical JSON.
    public var policyDigest: String
    /// The audit log's last entry when the records were read.
    public var logHead: LogHead?
    /// The latest signed checkpoint of the audit log, tying the report to a head kept outside the database.
    public var checkpoint: LogCheckpoint?
    /// True when the audit log's hash chain verified, every stored checkpoint is on it, and the records match it.
    public var logIntact: Bool
    public var vendorsEvaluated: Int
    public var counts: SeverityCounts
    /// The findings that count, most severe first.
    public var findings: [Finding]
    /// The findings accepted on the audit day (`assay risk accept`), most severe first, each with its acceptance;
    /// listed, never counted.
    public var accepted: [Finding]

    public init(
        snapshot: AuditSnapshot, policyDigest: String, assessment: AuditAssessment,
        generatedAt: String = Timestamp.now()
    ) {
        self.generatedAt = generatedAt
        asOf = snapshot.asOf
        tool = AssayVersion.current
        self.policyDigest = policyDigest
        logHead = snapshot.logHead
        checkpoint = snapshot.latestCheckpoint
        logIntact = snapshot.logVerification.isIntact
        vendorsEvaluated = snapshot.vendors.count
        counts = SeverityCounts(assessment.findings.map(\.severity))
        findings = assessment.findings
        accepted = assessment.accepted
    }

    /// `3 findings: 1 high, 2 low`, for summaries, then `; 2 accepted` when findings were accepted.
    public var countLine: String {
        let parts = Severity.allCases.reversed().compactMap { severity in
            counts[severity] > 0 ? "\(counts[severity]) \(severity.rawValue)" : nil
        }
        let total = "\(counts.total) finding\(counts.total == 1 ? "" : "s")"
        let line = parts.isEmpty ? total : total + ": " + parts.joined(separator: ", ")
        return accepted.isEmpty ? line : line + "; \(accepted.count) accepted"
    }

    /// Every finding reported, counted or accepted, as runs record them.
    public var recorded: [RecordedFinding] { (findings + accepted).map(\.recorded) }
}
