import AssayCore
import AssayStore

/// Weighs the rules' findings against the risks accepted (`assay risk accept`), as of the audit day.
///
/// An acceptance applies from the day it was made through its last day, unless revoked on or before the audit
/// day. Its last day is capped by the policy's longest acceptance for the finding's severity *as this audit rates
/// it*: an acceptance made under a laxer policy, or before the finding grew more severe, ends at the cap (and
/// when the policy allows no acceptance of that severity, it does not apply at all). Then:
/// - a finding with an acceptance in effect is listed as accepted, never counted;
/// - a finding whose acceptances have all ended counts again, and the last one to end adds an
///   `acceptance-expired` finding (its id names the acceptance, so a renewal that ends too alerts again);
/// - an acceptance in effect whose finding the audit did not find adds an `acceptance-stale` finding.
public struct AcceptanceReview: Sendable {
    /// The kinds of finding the review reports.
    public static let kinds: [FindingKind] = [.acceptanceExpired, .acceptanceStale]

    let context: AuditContext

    /// The findings that count (the rules' findings not accepted, and the review's own) and those accepted.
    func assess(_ findings: [Finding]) -> (counted: [Finding], accepted: [Finding]) {
        let day = context.asOf
        let applicable = context.snapshot.acceptances.filter {
            let state = $0.state(on: day)
            return state == .active || state == .expired
        }
        // Without acceptances every finding counts: the list is handed back as it is, not copied.
        guard !applicable.isEmpty else { return (findings, []) }
        let byFinding = Dictionary(grouping: applicable, by: \.findingId)
        var counted: [Finding] = []
        counted.reserveCapacity(findings.count)
        var accepted: [Finding] = []
        for finding in findings {
            guard let acceptances = byFinding[finding.id] else {
                counted.append(finding)
                continue
            }
            let ends = acceptances.map { (acceptance: $0, end: lastDay(of: $0, severity: finding.severity)) }
            if let current = ends.filter({ $0.end >= day }).max(by: { $0.end < $1.end }) {
                var listed = finding
                listed.acceptance = FindingAcceptance(
                    id: current.acceptance.id, owner: current.acceptance.owner, reason: current.acceptance.reason,
                    ticket: current.acceptance.ticket, acceptedOn: current.acceptance.acceptedOn,
                    until: current.acceptance.until,
                    cappedUntil: current.end < current.acceptance.until ? current.end : nil)
                accepted.append(listed)
            } else {
                counted.append(finding)
                if let last = ends.max(by: { $0.end < $1.end }) {
                    counted.append(expired(last.acceptance, end: last.end, finding: finding))
                }
            }
        }
        let found = Set(findings.map(\.id))
        counted += applicable.filter { $0.state(on: day) == .active && !found.contains($0.findingId) }.map(stale)
        return (counted, accepted)
    }

    /// The last day an acceptance covers a finding of `severity`: its own, or the policy's cap when earlier (the
    /// day before it was made when the policy allows none).
    private func lastDay(of acceptance: RiskAcceptance, severity: Severity) -> CalendarDate {
        guard let cap = context.policy.acceptance.lastDay(acceptedOn: acceptance.acceptedOn, severity: severity) else {
            return acceptance.acceptedOn.adding(days: -1)
        }
        return min(cap, acceptance.until)
    }

    private func expired(_ acceptance: RiskAcceptance, end: CalendarDate, finding: Finding) -> Finding {
        let accepted = "The acceptance of \(finding.id) (risk acceptance #\(acceptance.id), owner \(acceptance.owner))"
        let severity = finding.severity.rawValue
        let message: String
        if end < acceptance.acceptedOn {
            message = "\(accepted) does not apply: the policy allows no acceptance of \(severity) findings."
        } else if end < acceptance.until {
            let days = context.policy.acceptance.maxDays(for: finding.severity)
            message =
                "\(accepted) ended on \(end), the policy's limit of \(days) days for \(severity) findings "
                + "(it was accepted until \(acceptance.until)); the finding counts again."
        } else {
            message = "\(accepted) ended on \(end); the finding counts again."
        }
        return context.finding(
            .acceptanceExpired, key: "risk-\(acceptance.id)", vendor: finding.vendor?.id, subject: finding.subject,
            message: message, records: [RecordReference("riskAcceptance", acceptance.id)] + finding.records)
    }

    private func stale(_ acceptance: RiskAcceptance) -> Finding {
        context.finding(
            .acceptanceStale, key: "risk-\(acceptance.id)", vendor: acceptance.vendor?.id,
            subject: acceptance.subject ?? acceptance.findingId,
            message: "Risk acceptance #\(acceptance.id) (owner \(acceptance.owner), until \(acceptance.until)) "
                + "accepts \(acceptance.findingId), which this audit did not find: revoke it if the problem is gone.",
            records: [RecordReference("riskAcceptance", acceptance.id)])
    }
}
