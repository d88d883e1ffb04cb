import AssayCore

/// The wording of an audit report for text and Markdown: a summary, then a section per vendor with findings.
public enum AuditOutline {
    /// The report as a document for ``TextRenderer`` and ``MarkdownRenderer``.
    public static func document(_ report: AuditReport) -> ReportDocument {
        var facts = [
            ReportFact("As of", report.asOf.description),
            ReportFact("Generated", report.generatedAt),
            ReportFact("Policy digest", report.policyDigest),
            ReportFact("Vendors evaluated", String(report.vendorsEvaluated)),
            ReportFact("Findings", report.countLine),
        ]
        if let head = report.logHead {
            let state = report.logIntact ? "chain and records intact" : "BROKEN"
            facts.append(ReportFact("Audit log head", "entry \(head.seq), \(head.hash) (\(state))"))
        }
        if let checkpoint = report.checkpoint {
            facts.append(
                ReportFact(
                    "Latest signed checkpoint",
                    "entry \(checkpoint.seq), \(checkpoint.hash), signed \(checkpoint.createdAt) by \(checkpoint.keyType) key "
                        + checkpoint.keyFingerprint))
        }
        var sections = [
            ReportSection(
                heading: "Summary",
                items: Severity.allCases.reversed().map { "\($0.rawValue): \(report.counts[$0])" },
                whenEmpty: "")
        ]
        let general = report.findings.filter { $0.vendor == nil }
        if !general.isEmpty {
            sections.append(ReportSection(heading: "Store", items: general.map(line), whenEmpty: ""))
        }
        for group in byVendor(report.findings) {
            sections.append(
                ReportSection(
                    heading: "\(group.vendor.name) (#\(group.vendor.id))", items: group.findings.map(line),
                    whenEmpty: ""))
        }
        if report.findings.isEmpty {
            sections.append(ReportSection(heading: "Findings", items: [], whenEmpty: "Nothing needs attention."))
        }
        sections.append(
            ReportSection(
                heading: "Accepted risks", items: report.accepted.map(acceptedLine),
                whenEmpty: "No finding is accepted."))
        return ReportDocument(title: "Audit report as of \(report.asOf)", facts: facts, sections: sections)
    }

    /// Findings grouped by vendor, vendors by name, each vendor's findings most severe first.
    public static func byVendor(_ findings: [Finding]) -> [(vendor: FindingVendor, findings: [Finding])] {
        var groups: [Int64: (vendor: FindingVendor, findings: [Finding])] = [:]
        for finding in findings {
            guard let vendor = finding.vendor else { continue }
            groups[vendor.id, default: (vendor, [])].findings.append(finding)
        }
        return groups.values.sorted { ($0.vendor.name, $0.vendor.id) < ($1.vendor.name, $1.vendor.id) }
    }

    private static func line(_ finding: Finding) -> String {
        "\(finding.severity.rawValue.uppercased()) \(finding.kind.rawValue): \(finding.message) [\(finding.id)]"
    }

    /// The finding with its vendor, then who accepted it until when and why.
    private static func acceptedLine(_ finding: Finding) -> String {
        let vendor = finding.vendor.map { " (\($0.name))" } ?? ""
        let head =
            "\(finding.severity.rawValue.uppercased()) \(finding.kind.rawValue)\(vendor): \(finding.message) [\(finding.id)]"
        guard let acceptance = finding.acceptance else { return head }
        return head + " Accepted " + acceptance.terms
    }
}

extension FindingAcceptance {
    /// `until 2026-09-01 by Alice (risk acceptance #3, ticket SEC-1): reason`, with the policy's cap when there is
    /// one.
    public var terms: String {
        let capped = cappedUntil.map { ", capped by the policy to \($0)," } ?? ""
        let ticket = ticket.map { ", ticket \($0)" } ?? ""
        return "until \(until)\(capped) by \(owner) (risk acceptance #\(id)\(ticket)): \(reason)"
    }
}
