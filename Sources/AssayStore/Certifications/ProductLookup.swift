extension Product {
    /// The vendor's product with this lookup key (``VendorName/key(for:)`` of its name).
    static func find(_ db: any SQLConnection, vendorId: Int64, key: String) throws -> Product? {
        try db.one(Product.self, #"SELECT * FROM "product" WHERE "vendorId" = ? AND "key" = ?"#, [vendorId, key])
    }
}
