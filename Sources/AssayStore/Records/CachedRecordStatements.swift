import AssayCore
import Foundation
import GRDB

// Inserts and lookups that run once per row of a bulk write, on cached statements with positional arguments:
// GRDB's record methods prepare their SQL anew and go through `Codable` for every row. Each writes the values the
// record's own `insert` would (`CachedRecordStatementsTests` compares them).

extension Certification {
    /// Inserts the row and sets ``id``.
    mutating func insertCached(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO certification (vendorId, productId, coveredVersions, scheme, level, augmentations,
                    auditPeriodStart, auditPeriodEnd, number, issuer, lab, scope, issuedOn, validUntil, status,
                    createdAt, updatedAt, notes, claimKey)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            vendorId, productId, try Self.jsonText(coveredVersions, column: "coveredVersions"), scheme, level,
            try Self.jsonText(augmentations, column: "augmentations"), auditPeriodStart, auditPeriodEnd, number,
            issuer, lab, scope, issuedOn, validUntil, status, createdAt, updatedAt, notes, claimKey,
        ])
        id = db.lastInsertedRowID
    }

    /// A list column's JSON text, as GRDB's record encoding writes it.
    private static func jsonText(_ list: [String], column: String) throws -> String {
        if list.isEmpty { return "[]" }
        return String(decoding: try databaseJSONEncoder(for: column).encode(list), as: UTF8.self)
    }
}

extension Vendor {
    /// Inserts the row and sets ``id``.
    mutating func insertCached(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO vendor (name, country, website, parentId, parentLink, relationship, tier, notes, createdAt,
                    updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            name, country, website, parentId, parentLink, relationship, tier, notes, createdAt, updatedAt,
        ])
        id = db.lastInsertedRowID
    }

    /// The vendor with this id.
    static func cached(_ db: Database, id: Int64) throws -> Vendor? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM vendor WHERE id = ?"), arguments: [id])
    }

    /// The vendor that a name's lookup key names.
    static func cached(_ db: Database, nameKey: String) throws -> Vendor? {
        try fetchOne(
            db.cachedStatement(
                sql: "SELECT vendor.* FROM vendorName JOIN vendor ON vendor.id = vendorName.vendorId WHERE key = ?"),
            arguments: [nameKey])
    }
}

extension VendorName {
    /// Inserts the row.
    func insertCached(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO vendorName (key, vendorId, name, isPrimary) VALUES (?, ?, ?, ?)")
            .execute(arguments: [key, vendorId, name, isPrimary])
    }

    /// The name or alias with this lookup key.
    static func cached(_ db: Database, key: String) throws -> VendorName? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM vendorName WHERE key = ?"), arguments: [key])
    }
}
