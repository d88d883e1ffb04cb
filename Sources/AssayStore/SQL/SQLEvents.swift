import AssayCore

extension MarketEventRecord {
    /// Reads a `SELECT *` row of `marketEvent` column by column: event lists read every event, and this is much faster
    /// than the `Decodable` path (the seam's counterpart of ``init(row:)``).
    init(eventRow row: SQLRow) throws {
        id = try row["id"]
        vendorId = try row["vendorId"]
        appliesToAffiliates = try row["appliesToAffiliates"]
        jurisdiction = try row["jurisdiction"]
        authority = try row["authority"]
        type = try row["type"]
        program = try row["program"]
        scope = try row["scope"]
        announcedOn = try row["announcedOn"]
        effectiveFrom = try row["effectiveFrom"]
        effectiveTo = try row["effectiveTo"]
        status = try row["status"]
        sourceUrl = try row["sourceUrl"]
        sourceRecordId = try row["sourceRecordId"]
        notes = try row["notes"]
        createdAt = try row["createdAt"]
        updatedAt = try row["updatedAt"]
    }
}

extension SQLConnection {
    /// The `marketEvent` rows a `SELECT *` query returns, in order.
    func marketEvents(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [MarketEventRecord] {
        var events: [MarketEventRecord] = []
        try forEachRow(sql, arguments.map(\.sqlValue)) { events.append(try MarketEventRecord(eventRow: $0)) }
        return events
    }
}
