import AssayCore

/// A vendor row. Names and aliases live in ``VendorName``, identifiers in ``VendorIdentifier``.
struct Vendor: Codable, Sendable, Equatable, SQLNumberedRecord {
    static let databaseTableName = "vendor"
    var id: Int64?
    var name: String
    var country: CountryCode?
    var website: String?
    var parentId: Int64?
    var parentLink: ParentLink?
    var relationship: VendorRelationship
    var tier: Int?
    var notes: String?
    var createdAt: String
    var updatedAt: String


}

/// A vendor's primary name or one of its aliases, keyed by its lookup key so that no two vendors share one.
struct VendorName: Codable, Sendable, Equatable, SQLRecord {
    static let databaseTableName = "vendorName"
    static let keyColumns = ["key"]
    var key: String
    var vendorId: Int64
    var name: String
    var isPrimary: Bool

    /// The lookup key of a name: case-folded, whitespace collapsed, in Unicode canonical composition.
    static func key(for name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A legal identifier row.
struct VendorIdentifier: Codable, Sendable, Equatable, SQLNumberedRecord {
    static let databaseTableName = "vendorIdentifier"
    var id: Int64?
    var vendorId: Int64
    var kind: String
    var value: String

}
