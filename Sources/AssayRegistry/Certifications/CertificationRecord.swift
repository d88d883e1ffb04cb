import AssayCore
/// One certification a vendor claims, in Assay's own import and export format
/// (`Schemas/certifications-import.schema.json`).
public struct CertificationRecord: Hashable, Sendable, Codable {
    /// The vendor's name, matched to a known vendor on import.
    public var vendor: String
    /// The certification scheme (`Common Criteria`, `FIPS 140-3`, `ISO/IEC 27001`, `SOC 2`, `X.509`).
    public var scheme: String
    /// The certificate's number or identifier in its scheme.
    public var certificateNumber: String
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
    /// The issue date.
    public var issuedOn: CalendarDate
    /// The expiry date, when the certificate has one.
    public var validUntil: CalendarDate?
    /// The certificate's status.
    public var status: CertificationStatus
    /// Free-text notes.
    public var notes: String?

    /// Creates a record.
    public init(
        vendor: String, scheme: String, certificateNumber: String, issuer: String? = nil, lab: String? = nil,
        product: String? = nil, versions: [String]? = nil, scope: String? = nil, issuedOn: CalendarDate,
        validUntil: CalendarDate? = nil, status: CertificationStatus, notes: String? = nil
    ) {
        self.vendor = vendor
        self.scheme = scheme
        self.certificateNumber = certificateNumber
        self.issuer = issuer
        self.lab = lab
        self.product = product
        self.versions = versions
        self.scope = scope
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.status = status
        self.notes = notes
    }

    /// The field names, in CSV column order.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case vendor, scheme
        case certificateNumber = "certificate_number"
        case issuer, lab, product, versions, scope
        case issuedOn = "issued_on"
        case validUntil = "valid_until"
        case status, notes
    }
}
