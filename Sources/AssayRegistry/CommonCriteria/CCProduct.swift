import AssayCore
/// A certified product from the Common Criteria portal's CSV, with its maintenance updates gathered.
public struct CCProduct: Hashable, Sendable, Codable {
    /// The portal's product category (`Boundary Protection Devices and Systems`).
    public let category: String
    /// The product name.
    public let name: String
    /// The manufacturer as the portal spells it.
    public let manufacturer: String
    /// The certifying scheme's country code (`DE`, `US`, `KR`).
    public let scheme: String
    /// The assurance level; `nil` when the portal says `None` (protection-profile-only evaluations).
    public let assuranceLevel: AssuranceLevel?
    /// Protection profiles claimed, as listed by the portal.
    public let protectionProfiles: [String]
    /// The certification date.
    public let certificationDate: CalendarDate
    /// The date the certificate was or will be archived.
    public let archivedDate: CalendarDate?
    /// Link to the certification report.
    public let certificationReportURL: String?
    /// Link to the security target.
    public let securityTargetURL: String?
    /// Maintenance updates, in file order.
    public internal(set) var maintenanceUpdates: [CCMaintenanceUpdate]
    /// Which portal list the product came from.
    public let listing: CCListing
    /// The line of the product's first row.
    public let line: Int

    /// Whether another row describes the same certificate (and so only adds a maintenance update).
    func isSameCertificate(as other: CCProduct) -> Bool {
        name == other.name && manufacturer == other.manufacturer && scheme == other.scheme
            && certificationDate == other.certificationDate && certificationReportURL == other.certificationReportURL
    }
}

/// One maintenance update (assurance continuity) to a certified product.
public struct CCMaintenanceUpdate: Hashable, Sendable, Codable {
    public let date: CalendarDate
    public let title: String
    public let reportURL: String?
    public let securityTargetURL: String?
}

/// The portal publishes active and archived certificates as two files of the same layout.
public enum CCListing: String, Sendable, Codable {
    case active
    case archived
}
