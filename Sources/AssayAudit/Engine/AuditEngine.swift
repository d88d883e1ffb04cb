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
        let review = AcceptanceReview(context: context).assess(rules.flatMap { $0.findings(in: context) })
        return AuditAssessment(findings: Self.ordered(review.counted), accepted: Self.ordered(review.accepted))
    }

    private static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            let left = lhs.vendor?.name ?? "", right = rhs.vendor?.name ?? ""
            if left != right { return left < right }
            return (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
        }
    }
}

/// An audit's findings after risk acceptances.
public struct AuditAssessment: Sendable, Equatable {
    /// The findings that count: those not accepted, and the acceptance review's own (expired, stale).
    public var findings: [Finding]
    /// The findings accepted on the audit day, each with its ``Finding/acceptance``; never counted.
    public var accepted: [Finding]
}
