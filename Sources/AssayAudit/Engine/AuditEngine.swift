import AssayCore
import AssayStore

/// Evaluates a snapshot of the store against a policy with a set of rules.
public struct AuditEngine: Sendable {
    public let rules: [any AuditRule]

    public init(rules: [any AuditRule] = RuleSet.standard) {
        self.rules = rules
    }

    /// Every rule's findings: most severe first, then by vendor name, kind and id (a stable order for reports).
    public func evaluate(_ snapshot: AuditSnapshot, policy: AuditPolicy) -> [Finding] {
        let context = AuditContext(snapshot: snapshot, policy: policy)
        return rules.flatMap { $0.findings(in: context) }.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            let left = lhs.vendor?.name ?? "", right = rhs.vendor?.name ?? ""
            if left != right { return left < right }
            return (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
        }
    }
}
