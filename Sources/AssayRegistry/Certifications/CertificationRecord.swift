import AssayCore

/// One certification a vendor claims, in Assay's own import and export format
/// (`Schemas/certifications-import.schema.json`).
///
/// Every field a claim can hold is here, so that an export imported into another database and exported again is
/// the same file. A record is the same claim as a stored one when its `claimKey` matches; without a stored key,
/// when vendor, scheme and certificate number match; without a number, when vendor, scheme, product and issue date
/// match (records and stored claims paired in order, each stored claim at most once per import).
public struct CertificationRecord: Hashable, Sendable, Codable {
    /// The vendor's name, matched to a known vendor on import.
    public var vendor: String
    /// The certification scheme (`Common Criteria`, `FIPS 140-3`, `ISO/IEC 27001`, `SOC 2`, `X.509`).
    public var scheme: String
    /// The certificate's number or identifier in its scheme, when it has one.
    public var certificateNumber: String?
    /// The scheme's level: `EAL4+`, FIPS `1`–`4`, SOC 2 `I`/`II`, …
    public var level: String?
    /// Common Criteria augmentations such as `ALC_FLR.2`.
    public var augmentations: [String]?
    /// The certifying body.
    public var issuer: String?
    /// The evaluation laboratory or auditor.
    public var lab: String?
    /// The certified product or service; `nil` for organisation-wide certifications.
    public var product: String?
    /// Product versions covered.
    public var versions: [String]?
    /// The scope statement.
    public var scope: String?
    /// The first day of the audited period (SOC 2), with ``auditPeriodEnd``.
    public var auditPeriodStart: CalendarDate?
    /// The last day of the audited period.
    public var auditPeriodEnd: CalendarDate?
    /// The issue date, when known.
    public var issuedOn: CalendarDate?
    /// The expiry date, when the certificate has one.
    public var validUntil: CalendarDate?
    /// The certificate's current status.
    public var status: CertificationStatus
    /// Free-text notes.
    public var notes: String?
    /// Assay's stable identifier of the claim, given when it is registered and kept by export and import.
    public var claimKey: String?

    /// Creates a record.
    public init(
        vendor: String, scheme: String, certificateNumber: String? = nil, level: String? = nil,
        augmentations: [String]? = nil, issuer: String? = nil, lab: String? = nil, product: String? = nil,
        versions: [String]? = nil, scope: String? = nil, auditPeriodStart: CalendarDate? = nil,
        auditPeriodEnd: CalendarDate? = nil, issuedOn: CalendarDate? = nil, validUntil: CalendarDate? = nil,
        status: CertificationStatus, notes: String? = nil, claimKey: String? = nil
    ) {
        self.vendor = vendor
        self.scheme = scheme
        self.certificateNumber = certificateNumber
        self.level = level
        self.augmentations = augmentations
        self.issuer = issuer
        self.lab = lab
        self.product = product
        self.versions = versions
        self.scope = scope
        self.auditPeriodStart = auditPeriodStart
        self.auditPeriodEnd = auditPeriodEnd
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.status = status
        self.notes = notes
        self.claimKey = claimKey
    }

    /// The field names, in CSV column order.
    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case vendor, scheme
        case certificateNumber = "certificate_number"
        case level, augmentations, issuer, lab, product, versions, scope
        case auditPeriodStart = "audit_period_start"
        case auditPeriodEnd = "audit_period_end"
        case issuedOn = "issued_on"
        case validUntil = "valid_until"
        case status, notes
        case claimKey = "claim_key"
    }
}
