import AssayCore

/// A market-access event row: something a government, regulator or the vendor did, on partial dates.
struct MarketEventRecord: Codable, Sendable, Equatable, SQLNumberedRecord {
    static let databaseTableName = "marketEvent"
    var id: Int64?
    var vendorId: Int64
    var appliesToAffiliates: Bool
    var jurisdiction: Jurisdiction
    var authority: String?
    var type: MarketEventType
    var program: String?
    var scope: String?
    var announcedOn: PartialDate
    var effectiveFrom: PartialDate?
    var effectiveTo: PartialDate?
    var status: MarketEventStatus
    var sourceUrl: String?
    var sourceRecordId: String?
    var notes: String?
    var createdAt: String
    var updatedAt: String

    /// The days the event is in force.
    var window: EventWindow { EventWindow(start: effectiveFrom ?? announcedOn, end: effectiveTo, status: status) }
}

extension MarketEventRecord {
    /// Reads a `SELECT *` row of `marketEvent` column by column: event lists and audit snapshots read every event,
    /// and this is much faster than the `Decodable` path over 20 000 events.
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
        try forEachRow(sql, arguments.map { $0.sqlValue }) { events.append(try MarketEventRecord(eventRow: $0)) }
        return events
    }
}
