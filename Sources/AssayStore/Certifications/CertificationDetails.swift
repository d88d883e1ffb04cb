import AssayCore

/// A certification as shown by `cert list` and `cert show`, with its validity derived as of a day.
public struct CertificationDetails: Codable, Sendable, Equatable {
    public var id: Int64
    public var vendor: VendorReference
    public var product: String?
    public var coveredVersions: [String]
    public var scheme: CertificationScheme
    /// The scheme's full name.
    public var schemeTitle: String
    public var level: String?
    public var augmentations: [String]
    public var auditPeriodStart: CalendarDate?
    public var auditPeriodEnd: CalendarDate?
    public var number: String?
    public var issuer: String?
    public var lab: String?
    public var scope: String?
    public var issuedOn: CalendarDate?
    public var validUntil: CalendarDate?
    /// The status the certification body gave, as last recorded.
    public var status: CertificationStatus
    /// The day the validity was derived for.
    public var asOf: CalendarDate
    /// Whether the certification is in force on `asOf`.
    public var validity: Validity
    /// Days from `asOf` to `validUntil` (negative once expired).
    public var daysRemaining: Int?
    /// Dated status changes, oldest first (filled by `cert show`).
    public var statusHistory: [StatusChange]?
    /// Attached files (filled by `cert show`).
    public var evidence: [Evidence]?
    /// The certificate's own fields, for scheme `x509` (filled by `cert show`).
    public var x509: X509Details?
    public var notes: String?
    /// The claim's stable identity, kept by export and import.
    public var claimKey: String?
    public var createdAt: String
    public var updatedAt: String
}

/// One dated status change.
public struct StatusChange: Codable, Sendable, Equatable {
    public var status: CertificationStatus
    public var effectiveOn: CalendarDate
    public var reason: String?
    public var recordedAt: String
}

/// A file attached to a certification.
public struct Evidence: Codable, Sendable, Equatable {
    public var id: Int64
    public var certificationId: Int64
    public var sha256: String
    public var size: Int64
    public var originalName: String
    public var receivedAt: String
    public var effectiveOn: CalendarDate?
    /// Where the stored copy lives.
    public var storedPath: String
}

/// What a new certification is made of.
public struct CertificationDraft: Sendable {
    /// The vendor's name, alias or id.
    public var vendor: String
    public var scheme: CertificationScheme
    public var product: String?
    public var coveredVersions: [String] = []
    public var level: String?
    public var augmentations: [String] = []
    public var auditPeriod: ClosedRange<CalendarDate>?
    public var number: String?
    public var issuer: String?
    public var lab: String?
    public var scope: String?
    public var issuedOn: CalendarDate?
    public var validUntil: CalendarDate?
    public var status: CertificationStatus = .active
    public var notes: String?
    /// The claim's stable identity: given by an import, else made when the claim is registered.
    public var claimKey: String?

    public init(vendor: String, scheme: CertificationScheme) {
        self.vendor = vendor
        self.scheme = scheme
    }
}

/// Filters for `cert list`.
public struct CertificationFilter: Sendable {
    /// A vendor's name, alias or id.
    public var vendor: String?
    public var scheme: CertificationScheme?
    public var status: CertificationStatus?
    public var validity: Validity?
    /// Only active certifications whose last day falls within this span after `asOf`.
    public var expiringWithin: DaySpan?
    /// The day validity is derived for (default: today).
    public var asOf: CalendarDate = .today

    public init() {}
}
