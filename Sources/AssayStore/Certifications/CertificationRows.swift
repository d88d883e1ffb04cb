import AssayCore

// Statements that run once per claim of a bulk write (`addCertifications`, imports): one SQL text each with
// positional arguments, so that SQLite reuses its prepared statement, and no `Codable` pass over the row.

extension Certification {
    /// Inserts the row, sets ``id`` from the database and returns it. The values are those the record's own
    /// encoding writes (`CachedRecordStatementsTests` compares them).
    mutating func insertRow(_ db: any SQLConnection) throws -> Int64 {
        let arguments: [any SQLValueConvertible] = [
            vendorId, productId, try Self.jsonText(coveredVersions), scheme, level, try Self.jsonText(augmentations),
            auditPeriodStart, auditPeriodEnd, number, issuer, lab, scope, issuedOn, validUntil, status, createdAt,
            updatedAt, notes, claimKey,
        ]
        guard let id = try db.value(Int64.self, Self.insertSQL, arguments) else {
            throw StoreError.database("inserting into certification returned no id")
        }
        self.id = id
        return id
    }

    private static let insertSQL = """
        INSERT INTO "certification" ("vendorId", "productId", "coveredVersions", "scheme", "level", "augmentations",
            "auditPeriodStart", "auditPeriodEnd", "number", "issuer", "lab", "scope", "issuedOn", "validUntil",
            "status", "createdAt", "updatedAt", "notes", "claimKey")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING "id"
        """

    /// A list column's JSON text, as the record's encoding writes it.
    private static func jsonText(_ list: [String]) throws -> String {
        list.isEmpty ? "[]" : try SQLRowEncoder.jsonText(list)
    }
}

extension Product {
    /// The vendor's product with this lookup key (``VendorName/key(for:)`` of its name).
    static func find(_ db: any SQLConnection, vendorId: Int64, key: String) throws -> Product? {
        try db.one(Product.self, #"SELECT * FROM "product" WHERE "vendorId" = ? AND "key" = ?"#, [vendorId, key])
    }
}
