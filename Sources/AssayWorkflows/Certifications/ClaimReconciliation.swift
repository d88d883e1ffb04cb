public import AssayCore
public import AssayStore

/// `cert reconcile`: claimed Common Criteria and FIPS 140 certifications checked against the imported registries,
/// with whether the check passed.
public struct ClaimReconciliation: Sendable {
    /// One finding per claim checked, with the registry record it rests on.
    public let findings: [ReconciliationFinding]

    /// Whether every claim checked is active in its registry (no outcome is a problem).
    public var passed: Bool { !findings.contains { $0.outcome.isProblem } }

    /// Checks the claims of `vendor` (name, alias or id; `nil` for every vendor), judging archive and sunset
    /// dates as of `day`.
    public static func run(vendor: String?, asOf day: CalendarDate, in store: Store) throws -> ClaimReconciliation {
        ClaimReconciliation(findings: try store.reconcile(vendor: vendor, asOf: day))
    }
}
