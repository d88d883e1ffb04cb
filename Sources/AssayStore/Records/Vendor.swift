import AssayCore
import GRDB

/// A vendor row. Names and aliases live in ``VendorName``, identifiers in ``VendorIdentifier``.
struct Vendor: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
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

    static let names = hasMany(VendorName.self)
    static let identifiers = hasMany(VendorIdentifier.self)

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let country = Column(CodingKeys.country)
        static let parentId = Column(CodingKeys.parentId)
        static let relationship = Column(CodingKeys.relationship)
        static let tier = Column(CodingKeys.tier)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A vendor's primary name or one of its aliases, keyed by its lookup key so that no two vendors share one.
struct VendorName: Codable, Sendable, Equatable, SQLRecord, FetchableRecord, PersistableRecord {
    static let databaseTableName = "vendorName"
    static let keyColumns = ["key"]
    var key: String
    var vendorId: Int64
    var name: String
    var isPrimary: Bool

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let vendorId = Column(CodingKeys.vendorId)
        static let isPrimary = Column(CodingKeys.isPrimary)
    }

    /// The lookup key of a name: case-folded, whitespace collapsed, in Unicode canonical composition.
    static func key(for name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A legal identifier row.
struct VendorIdentifier: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "vendorIdentifier"
    var id: Int64?
    var vendorId: Int64
    var kind: String
    var value: String

    enum Columns {
        static let vendorId = Column(CodingKeys.vendorId)
        static let kind = Column(CodingKeys.kind)
        static let value = Column(CodingKeys.value)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
