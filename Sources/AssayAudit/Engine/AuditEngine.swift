import AssayCore
import AssayStore

/// Evaluates a snapshot of the store against a policy with a set of rules, then weighs the findings against the
/// risks accepted (``AcceptanceReview``).
public struct AuditEngine: Sendable {
    public let rules: [any AuditRule]

    public init(rules: [any AuditRule] = RuleSet.standard) {
        self.rules = rules
    }

    /// Every rule's findings, split into those that count and those accepted, each list most severe first, then by
    /// vendor name, kind and id (a stable order for reports).
    public func evaluate(_ snapshot: AuditSnapshot, policy: AuditPolicy) -> AuditAssessment {
        let context = AuditContext(snapshot: snapshot, policy: policy)
        return assess(findings(in: context) { _ in true }, in: context)
    }

    /// Reads the store's snapshot as of `asOf` and evaluates it as ``evaluate(_:policy:)`` does, the rules that read
    /// only the records running while the audit log is still being verified; `progress` is told how many of the
    /// log's entries have been verified.
    public func evaluate(_ store: Store, asOf: CalendarDate, policy: AuditPolicy, progress: ProgressHandler? = nil)
        throws(StoreError) -> (snapshot: AuditSnapshot, assessment: AuditAssessment)
    {
        let (snapshot, early) = try store.auditSnapshot(asOf: asOf, progress: progress) { records in
            let context = AuditContext(snapshot: records, policy: policy)
            return (context: context, findings: findings(in: context) { !$0.readsLogVerification })
        }
        let context = early.context.verified(snapshot.logVerification)
        let late = findings(in: context) { $0.readsLogVerification }
        return (snapshot, assess(zip(early.findings, late).map { $0 ?? $1 }, in: context))
    }

    /// The findings of each rule `wanted` selects, in the rules' order; `nil` for the others.
    private func findings(in context: AuditContext, of wanted: (any AuditRule) -> Bool) -> [[Finding]?] {
        rules.map { wanted($0) ? $0.findings(in: context) : nil }
    }

    private func assess(_ found: consuming [[Finding]?], in context: AuditContext) -> AuditAssessment {
        // Joined in one array sized once, each rule's list let go as soon as it is copied: tens of thousands of
        // findings are never held three times over.
        var all: [Finding] = []
        all.reserveCapacity(found.reduce(0) { $0 + ($1?.count ?? 0) })
        for index in found.indices {
            all += found[index] ?? []
            found[index] = nil
        }
        let review = AcceptanceReview(context: context).assess(all)
        return AuditAssessment(findings: Self.ordered(review.counted), accepted: Self.ordered(review.accepted))
    }

    private static func ordered(_ findings: [Finding]) -> [Finding] {
        // Vendor names are ranked once, so that most comparisons are of integers, and positions are sorted, not the
        // findings: comparing and moving tens of thousands of findings themselves cost several times as much.
        let names = Set(findings.lazy.map { $0.vendor?.name ?? "" }).sorted()
        let rank = Dictionary(uniqueKeysWithValues: names.enumerated().lazy.map { ($0.element, $0.offset) })
        let keys = findings.map { (severity: $0.severity, name: rank[$0.vendor?.name ?? ""] ?? 0, kind: $0.kind) }
        return findings.indices.sorted { left, right in
            let lhs = keys[left], rhs = keys[right]
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
            return findings[left].id < findings[right].id
        }.map { findings[$0] }
    }
}

/// An audit's findings after risk acceptances.
public struct AuditAssessment: Sendable, Equatable {
    /// The findings that count: those not accepted, and the acceptance review's own (expired, stale).
    public var findings: [Finding]
    /// The findings accepted on the audit day, each with its ``Finding/acceptance``; never counted.
    public var accepted: [Finding]
}
