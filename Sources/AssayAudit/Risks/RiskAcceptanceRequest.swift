import AssayCore
import AssayStore

/// A request to accept a finding as a risk (`assay risk accept`): the finding id's shape is checked, the finding
/// looked up in the latest recorded audit run, and the policy's longest acceptance for its severity enforced
/// before the acceptance is recorded.
public struct RiskAcceptanceRequest: Sendable {
    public var findingId: String
    public var owner: String
    public var reason: String
    public var ticket: String?
    /// The day of the decision; the acceptance applies to audits as of this day on.
    public var acceptedOn: CalendarDate
    /// The last day the finding is accepted.
    public var until: CalendarDate

    public init(
        findingId: String, owner: String, reason: String, ticket: String?, acceptedOn: CalendarDate,
        until: CalendarDate
    ) {
        self.findingId = findingId
        self.owner = owner
        self.reason = reason
        self.ticket = ticket
        self.acceptedOn = acceptedOn
        self.until = until
    }

    /// What recording the request gave.
    public struct Outcome: Sendable {
        public var acceptance: RiskAcceptance
        /// Set when the latest recorded run did not report the finding (or no run is recorded): the id may be
        /// mistyped, and the severity checked is the policy's for the finding's kind.
        public var warning: String?
    }

    /// Checks the request against the latest recorded run and the policy, then records it.
    ///
    /// - Throws: ``AuditError/findingId(_:reason:)`` for text that is not a finding id or names a finding about an
    ///   acceptance; ``AuditError/acceptanceRefused(_:)`` when the policy allows no acceptance that long;
    ///   ``AuditError/store(_:)`` when the store refuses it (another acceptance of the finding still runs).
    public func record(in store: Store, policy: AuditPolicy) throws(AuditError) -> Outcome {
        let id = findingId.trimmingCharacters(in: .whitespaces)
        let kind = try Self.kind(of: id)
        let latest = try AuditError.wrapping { () throws(StoreError) in try store.latestAuditRun() }
        let found = latest?.findings.first { $0.id == id }
        let severity = found?.severity ?? Self.severity(of: kind, under: policy)
        try checkDuration(id, severity: severity, policy: policy)
        var draft = RiskAcceptanceDraft(
            findingId: id, owner: owner, reason: reason, acceptedOn: acceptedOn, until: until, severity: severity)
        draft.ticket = ticket
        draft.vendorId = found?.vendorId
        draft.vendorName = found?.vendorName
        draft.subject = found?.subject
        let acceptance = try AuditError.wrapping { () throws(StoreError) in try store.acceptRisk(draft) }
        var warning: String?
        if found == nil {
            let run = latest.map { "the latest recorded audit run (#\($0.run.id), as of \($0.run.asOf))" }
            warning =
                (run.map { "\(id) is not in \($0)" } ?? "no audit run is recorded to check \(id) against")
                + ": check the id; it was accepted as a \(severity.rawValue) finding, the policy's severity for "
                + "\(kind.rawValue)"
        }
        return Outcome(acceptance: acceptance, warning: warning)
    }

    /// The kind a finding id starts with, refusing text of another shape and the acceptance kinds.
    static func kind(of id: String) throws(AuditError) -> FindingKind {
        guard let colon = id.firstIndex(of: ":") else { throw .findingId(id, reason: "it has no ':'") }
        let kindText = String(id[..<colon])
        let key = id[id.index(after: colon)...]
        guard let kind = FindingKind(rawValue: kindText) else {
            throw .findingId(id, reason: "'\(kindText)' is not a kind of finding")
        }
        guard !key.isEmpty, !key.unicodeScalars.contains(where: { $0.isTextControl || $0.properties.isWhitespace })
        else {
            throw .findingId(id, reason: "the part after '\(kindText):' must be non-empty, without spaces")
        }
        guard !AcceptanceReview.kinds.contains(kind) else {
            throw .findingId(
                id, reason: "\(kind.rawValue) findings are about acceptances and cannot be accepted themselves")
        }
        return kind
    }

    /// The severity the policy gives a kind; for expiry warnings, the most severe of the lead times'.
    static func severity(of kind: FindingKind, under policy: AuditPolicy) -> Severity {
        guard kind == .certificationExpiring else { return policy.severity(of: kind) }
        return policy.expiryWarnings.map(\.severity).max() ?? kind.defaultSeverity
    }

    private func checkDuration(_ id: String, severity: Severity, policy: AuditPolicy) throws(AuditError) {
        guard let last = policy.acceptance.lastDay(acceptedOn: acceptedOn, severity: severity) else {
            throw .acceptanceRefused(
                "the policy allows no acceptance of \(severity.rawValue) findings, and \(id) is \(severity.rawValue)")
        }
        guard until <= last else {
            throw .acceptanceRefused(
                "the policy allows accepting \(severity.rawValue) findings for at most "
                    + "\(policy.acceptance.maxDays(for: severity)) days: until \(last) at the latest, not \(until)")
        }
    }
}
