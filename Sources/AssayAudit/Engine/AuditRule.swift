/// One check of the findings engine: a small type that reads the audit context and reports findings.
///
/// Rules are independent and order-free; ``RuleSet/standard`` lists them. A rule reports only the kinds it
/// declares, and takes each finding's severity from the policy through ``AuditContext/finding(_:key:vendor:subject:message:records:severity:path:)``.
public protocol AuditRule: Sendable {
    /// The kinds of finding the rule reports.
    var kinds: [FindingKind] { get }

    /// The rule's findings in the context.
    func findings(in context: AuditContext) -> [Finding]

    /// Whether the rule reads the audit log's verification (``AuditSnapshot/logVerification``); the others are
    /// evaluated while the log is still being verified.
    var readsLogVerification: Bool { get }
}

extension AuditRule {
    /// Most rules read only the records.
    public var readsLogVerification: Bool { false }
}

/// The rules an audit runs.
public enum RuleSet {
    /// Every rule, in the order their findings are listed for a vendor.
    public static let standard: [any AuditRule] = [
        AuditLogRule(),
        RecordsTamperedRule(),
        CertificationStatusRule(),
        CertificationExpiredRule(),
        CertificationExpiringRule(),
        RequiredSchemeRule(),
        X509ExpiredRule(),
        X509WeaknessRule(),
        EscrowDepositOverdueRule(),
        EscrowNeverVerifiedRule(),
        EscrowVerificationFailedRule(),
        EscrowVerificationStaleRule(),
        RegistryReconciliationRule(),
        MarketRestrictionRule(),
        BinaryDiffersRule(),
        BinaryWithoutProvenanceRule(),
        ProvenanceSignatureInvalidRule(),
        RebuildNotReproducibleRule(),
    ]
}
