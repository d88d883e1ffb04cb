import AssayCore

// Inserts and lookups that run once per row of a bulk write, with positional arguments and the same SQL text for
// every row (the SQLite connection keeps one prepared statement per text): the seam's record methods build their
// SQL and go through `Codable` for every row. Each writes the values the record's own `insert` would
// (`CachedRecordStatementsTests` compares them).

extension Certification {
    /// Inserts the row and sets ``id``.
    mutating func insertCached(_ db: any SQLConnection) throws {
        id = try db.insertReturningId(
            """
            INSERT INTO "certification" ("vendorId", "productId", "coveredVersions", "scheme", "level",
                "augmentations", "auditPeriodStart", "auditPeriodEnd", "number", "issuer", "lab", "scope", "issuedOn",
                "validUntil", "status", "createdAt", "updatedAt", "notes", "claimKey")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                vendorId, productId, try Self.jsonText(coveredVersions), scheme, level, try Self.jsonText(augmentations),
                auditPeriodStart, auditPeriodEnd, number, issuer, lab, scope, issuedOn, validUntil, status, createdAt,
                updatedAt, notes, claimKey,
            ])
    }

    /// A list column's JSON text, as the record's encoding writes it.
    private static func jsonText(_ list: [String]) throws -> String {
        list.isEmpty ? "[]" : try SQLRowEncoder.jsonText(list)
    }
}

extension Vendor {
    /// Inserts the row and sets ``id``.
    mutating func insertCached(_ db: any SQLConnection) throws {
        id = try db.insertReturningId(
            """
            INSERT INTO "vendor" ("name", "country", "website", "parentId", "parentLink", "relationship", "tier",
                "notes", "createdAt", "updatedAt")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [name, country, website, parentId, parentLink, relationship, tier, notes, createdAt, updatedAt])
    }

    /// The vendor with this id.
    static func cached(_ db: any SQLConnection, id: Int64) throws -> Vendor? {
        try db.one(Vendor.self, #"SELECT * FROM "vendor" WHERE "id" = ?"#, [id])
    }

    /// The vendor that a name's lookup key names.
    static func cached(_ db: any SQLConnection, nameKey: String) throws -> Vendor? {
        try db.one(
            Vendor.self,
            """
            SELECT "vendor".* FROM "vendorName" JOIN "vendor" ON "vendor"."id" = "vendorName"."vendorId"
            WHERE "vendorName"."key" = ?
            """,
            [nameKey])
    }
}

extension VendorName {
    /// Inserts the row.
    func insertCached(_ db: any SQLConnection) throws {
        try db.run(
            #"INSERT INTO "vendorName" ("key", "vendorId", "name", "isPrimary") VALUES (?, ?, ?, ?)"#,
            [key, vendorId, name, isPrimary])
    }

    /// The name or alias with this lookup key.
    static func cached(_ db: any SQLConnection, key: String) throws -> VendorName? {
        try db.one(VendorName.self, #"SELECT * FROM "vendorName" WHERE "key" = ?"#, [key])
    }
}
