import AssayCore

/// What a finding is about. Each rule reports one or a few kinds; the policy sets each kind's severity.
///
/// A new rule adds its kinds here and its type to ``RuleSet/standard``. The acceptance kinds are reported by
/// ``AcceptanceReview``, which weighs the rules' findings against the risks accepted.
public enum FindingKind: String, CaseIterable, Codable, Sendable, Comparable {
    case certificationExpiring = "certification-expiring"
    case certificationExpired = "certification-expired"
    case certificationSuspended = "certification-suspended"
    case certificationWithdrawn = "certification-withdrawn"
    case certificationRevoked = "certification-revoked"
    case requiredSchemeMissing = "required-scheme-missing"
    case x509Weak = "x509-weak"
    case x509Expired = "x509-expired"
    case escrowDepositOverdue = "escrow-deposit-overdue"
    case escrowNeverVerified = "escrow-never-verified"
    case escrowVerificationStale = "escrow-verification-stale"
    case escrowVerificationFailed = "escrow-verification-failed"
    case registryArchived = "registry-archived"
    case registryRevoked = "registry-revoked"
    case registryNotFound = "registry-not-found"
    case registryNotCovered = "registry-not-covered"
    case registryDatesDisagree = "registry-dates-disagree"
    case marketRestriction = "market-restriction"
    case auditLogBroken = "audit-log-broken"
    case recordsTampered = "records-tampered"
    case acceptanceExpired = "acceptance-expired"
    case acceptanceStale = "acceptance-stale"
    case binaryDiffers = "binary-differs"
    case binaryWithoutProvenance = "binary-without-provenance"
    case provenanceSignatureInvalid = "provenance-signature-invalid"
    case rebuildNotReproducible = "rebuild-not-reproducible"

    /// The severity when the policy does not set one (expiry warnings take theirs from the lead times).
    public var defaultSeverity: Severity {
        switch self {
        case .auditLogBroken, .recordsTampered: .critical
        case .certificationExpired, .certificationRevoked, .certificationWithdrawn, .requiredSchemeMissing,
            .x509Expired, .escrowVerificationFailed, .marketRestriction, .registryRevoked, .registryNotFound,
            .binaryDiffers, .provenanceSignatureInvalid:
            .high
        case .certificationSuspended, .x509Weak, .escrowDepositOverdue, .escrowNeverVerified,
            .escrowVerificationStale, .registryArchived, .registryNotCovered, .acceptanceExpired,
            .binaryWithoutProvenance, .rebuildNotReproducible:
            .medium
        case .certificationExpiring, .registryDatesDisagree, .acceptanceStale: .low
        }
    }

    public static func < (lhs: FindingKind, rhs: FindingKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
