/// How the organisation relates to a vendor; audit policies may require different schemes per relationship.
public enum VendorRelationship: String, CaseIterable, Codable, Sendable {
    /// Supplies products or services in use.
    case supplier
    /// Under evaluation or procurement.
    case prospect
    /// Used to supply; records are kept for history.
    case former
    /// Not a supplier; tracked for market or risk intelligence.
    case monitored

    /// Parses a relationship typed by a user.
    public init(parsing text: String) throws(ValueError) {
        guard let value = VendorRelationship(rawValue: text.lowercased()) else {
            throw ValueError.invalidEnumValue(field: "relationship", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }
}

/// How a vendor is linked to its parent in the affiliate tree.
public enum ParentLink: String, CaseIterable, Codable, Sendable {
    case subsidiary
    case affiliate
    case jointVenture = "joint-venture"
    case branch

    /// Parses a link kind typed by a user.
    public init(parsing text: String) throws(ValueError) {
        guard let value = ParentLink(rawValue: text.lowercased()) else {
            throw ValueError.invalidEnumValue(field: "parent link", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }
}
