import AssayCore
import AssayStore

/// The summary of a recorded audit run that channels send: the JSON body of a webhook
/// (`Schemas/notification.schema.json`), and the text of an e-mail or a Slack or Teams message.
public struct AuditNotification: Codable, Sendable, Equatable {
    /// The body format's version.
    public var schemaVersion = 1
    /// What happened: always `audit.run`.
    public var event = "audit.run"
    /// The Assay version that sent it.
    public var tool: String
    /// When the report was generated (ISO 8601 UTC).
    public var generatedAt: String
    /// The day evaluated.
    public var asOf: CalendarDate
    /// The recorded run; `nil` for a run that was not recorded.
    public var runId: Int64?
    /// The run compared with for `new` and `resolved`; `nil` when there was none, and every finding is new.
    public var previousRunId: Int64?
    /// Counted findings by severity.
    public var counts: SeverityCounts
    /// Counted findings.
    public var total: Int
    /// Findings listed as accepted risks, not counted.
    public var accepted: Int
    /// Findings reported now and not by the previous run.
    public var new: Int
    /// Findings the previous run reported and this one does not.
    public var resolved: Int
    /// The most severe counted findings, at most ``topCount``.
    public var topFindings: [Item]
    /// The report file and its SHA-256.
    public var report: ReportFile

    /// How many findings ``topFindings`` lists at most.
    public static let topCount = 5

    /// One finding in a summary.
    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var severity: Severity
        public var vendor: String?
        public var message: String
        /// True when the previous run did not report it.
        public var new: Bool
    }

    /// The report as written.
    public struct ReportFile: Codable, Sendable, Equatable {
        /// The file's name, without its folder; `nil` when the report went to stdout.
        public var name: String?
        public var sha256: String
    }

    /// The summary of `report`, recorded as `runId`, against the findings of the run before it.
    public init(
        report: AuditReport, runId: Int64?, previous: (runId: Int64, findings: [RecordedFinding])?,
        reportFile: String?, reportSha256: String
    ) {
        let diff = FindingDiff(from: previous?.findings ?? [], to: report.recorded)
        let newIds = Set(diff.new.map(\.id))
        tool = report.tool
        generatedAt = report.generatedAt
        asOf = report.asOf
        self.runId = runId
        previousRunId = previous?.runId
        counts = report.counts
        total = report.counts.total
        accepted = report.accepted.count
        new = diff.new.count
        resolved = diff.resolved.count
        topFindings = report.findings.prefix(Self.topCount).map { finding in
            Item(
                id: finding.id, severity: finding.severity, vendor: finding.vendor?.name, message: finding.message,
                new: newIds.contains(finding.id))
        }
        self.report = ReportFile(
            name: reportFile.map { String($0.split(separator: "/").last ?? Substring($0)) }, sha256: reportSha256)
    }

    /// `Assay audit 2026-03-01: 3 findings (1 high, 2 low), 1 new, 0 resolved`, for subjects and first lines.
    public var headline: String {
        let parts = Severity.allCases.reversed().compactMap { severity in
            counts[severity] > 0 ? "\(counts[severity]) \(severity.rawValue)" : nil
        }
        let findings =
            "\(total) finding\(total == 1 ? "" : "s")" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        return "Assay audit \(asOf): \(findings), \(new) new, \(resolved) resolved"
    }

    /// The summary as plain text: headline, run, top findings, report.
    public var text: String {
        var lines = [headline]
        let since = previousRunId.map { "since run #\($0)" } ?? "no earlier run to compare with"
        lines.append((runId.map { "Run #\($0)" } ?? "Unrecorded run") + ", \(since); \(accepted) accepted")
        if !topFindings.isEmpty {
            lines.append("")
            lines.append("Top findings:")
            for item in topFindings {
                let vendor = item.vendor.map { "\($0): " } ?? ""
                lines.append(
                    "- [\(item.severity.rawValue)]\(item.new ? " (new)" : "") \(vendor)\(item.message) (\(item.id))")
            }
        }
        lines.append("")
        lines.append("Report: \(report.name ?? "(stdout)") sha256 \(report.sha256)")
        return lines.joined(separator: "\n") + "\n"
    }
}
