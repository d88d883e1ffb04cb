import AssayCore
import AssayCrypto

/// What the organisation requires, against which every vendor is evaluated. Read from YAML by
/// ``PolicyReader``; documented by `Schemas/audit-policy.schema.json`; `assay audit policy init` writes
/// ``PolicyTemplate/text``, which is also the default.
public struct AuditPolicy: Codable, Sendable, Equatable {
    /// Jurisdictions whose market-access restrictions matter; empty means every jurisdiction.
    public var jurisdictions: [Jurisdiction]
    /// Lead times for expiry warnings, longest first; a certification is reported at the shortest it is within.
    public var expiryWarnings: [ExpiryWarning]
    /// Schemes each vendor must hold, by tier or relationship.
    public var requiredSchemes: [SchemeRequirement]
    /// Limits on escrow offers and verifications.
    public var escrow: EscrowPolicy
    /// Severity per finding kind; kinds not listed keep their default.
    public var severities: [String: Severity]
    /// How long risks may be accepted.
    public var acceptance: AcceptancePolicy
    /// Where `--notify NAME` sends run summaries. Not a rule: left out of the JSON form and so of the digest.
    public var notifications: [NotifyChannel] = []

    private enum CodingKeys: String, CodingKey {
        case jurisdictions, expiryWarnings, requiredSchemes, escrow, severities, acceptance
    }

    public init(
        jurisdictions: [Jurisdiction], expiryWarnings: [ExpiryWarning], requiredSchemes: [SchemeRequirement],
        escrow: EscrowPolicy, severities: [String: Severity], acceptance: AcceptancePolicy,
        notifications: [NotifyChannel] = []
    ) {
        self.jurisdictions = jurisdictions
        self.expiryWarnings = expiryWarnings.sorted { $0.days > $1.days }
        self.requiredSchemes = requiredSchemes
        self.escrow = escrow
        self.severities = severities
        self.acceptance = acceptance
        self.notifications = notifications
    }

    /// The channel declared under `name`.
    public func channel(named name: String) throws(NotifyError) -> NotifyChannel {
        guard let channel = notifications.first(where: { $0.name == name }) else {
            throw .unknownChannel(name, declared: notifications.map(\.name))
        }
        return channel
    }

    /// The default policy: the commented template `assay audit policy init` writes.
    public static func standard() throws(AuditError) -> AuditPolicy {
        try PolicyReader.read(PolicyTemplate.text, file: "default policy")
    }

    /// The severity of a finding kind under this policy.
    public func severity(of kind: FindingKind) -> Severity { severities[kind.rawValue] ?? kind.defaultSeverity }

    /// True when restrictions in the jurisdiction matter.
    public func concerns(_ jurisdiction: Jurisdiction) -> Bool {
        jurisdictions.isEmpty || jurisdictions.contains(jurisdiction)
    }

    /// The tightest lead time a certification `days` from expiry falls within, if any.
    public func expiryWarning(daysLeft days: Int) -> ExpiryWarning? {
        expiryWarnings.last { days <= $0.days }
    }

    /// SHA-256 of the policy's canonical JSON: the same rules give the same digest, whatever the comments.
    public func digest() throws -> String {
        try DigestContext.digest(Array(try CanonicalJSON.encode(self).utf8)).hex
    }
}

/// Warn this many days before a certification expires, at this severity.
public struct ExpiryWarning: Codable, Sendable, Equatable {
    public var days: Int
    public var severity: Severity

    public init(days: Int, severity: Severity) {
        self.days = days
        self.severity = severity
    }
}

/// Schemes required of the vendors of a tier, of a relationship, or (neither given) of every vendor.
public struct SchemeRequirement: Codable, Sendable, Equatable {
    public var tier: Int?
    public var relationship: VendorRelationship?
    public var schemes: [CertificationScheme]

    public init(tier: Int?, relationship: VendorRelationship?, schemes: [CertificationScheme]) {
        self.tier = tier
        self.relationship = relationship
        self.schemes = schemes
    }

    /// True when the requirement applies to the vendor.
    public func applies(tier vendorTier: Int?, relationship vendorRelationship: VendorRelationship) -> Bool {
        (tier.map { $0 == vendorTier } ?? true) && (relationship.map { $0 == vendorRelationship } ?? true)
    }
}

/// How long escrow may go without a deposit or a successful verification.
public struct EscrowPolicy: Codable, Sendable, Equatable {
    /// Days an offer may stay without a deposit.
    public var depositAllowanceDays: Int
    /// Days after which the last successful verification is too old.
    public var maxVerificationAgeDays: Int

    public init(depositAllowanceDays: Int, maxVerificationAgeDays: Int) {
        self.depositAllowanceDays = depositAllowanceDays
        self.maxVerificationAgeDays = maxVerificationAgeDays
    }
}

/// The longest a risk may be accepted for, per severity of the finding.
public struct AcceptancePolicy: Codable, Sendable, Equatable {
    /// Days from the day of the acceptance to its last day, by severity (`info` … `critical`); 0 when findings of
    /// that severity cannot be accepted.
    public var maxDays: [String: Int]

    public init(maxDays: [String: Int]) {
        self.maxDays = maxDays
    }

    /// The longest acceptance, in days, of a finding of `severity`; 0 when none is allowed.
    public func maxDays(for severity: Severity) -> Int { maxDays[severity.rawValue] ?? 0 }

    /// The last day an acceptance made on `day` may run to for a finding of `severity`; `nil` when findings of that
    /// severity cannot be accepted.
    public func lastDay(acceptedOn day: CalendarDate, severity: Severity) -> CalendarDate? {
        let days = maxDays(for: severity)
        return days > 0 ? day.adding(days: days) : nil
    }
}
