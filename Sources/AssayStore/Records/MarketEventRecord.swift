import AssayCore
import GRDB

/// A market-access event row: something a government, regulator or the vendor did, on partial dates.
struct MarketEventRecord: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
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

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let vendorId = Column(CodingKeys.vendorId)
        static let appliesToAffiliates = Column(CodingKeys.appliesToAffiliates)
        static let jurisdiction = Column(CodingKeys.jurisdiction)
        static let type = Column(CodingKeys.type)
        static let authority = Column(CodingKeys.authority)
        static let announcedOn = Column(CodingKeys.announcedOn)
        static let status = Column(CodingKeys.status)
        static let sourceRecordId = Column(CodingKeys.sourceRecordId)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The days the event is in force.
    var window: EventWindow { EventWindow(start: effectiveFrom ?? announcedOn, end: effectiveTo, status: status) }
}

extension MarketEventRecord {
    /// Reads a row column by column: much faster than the synthesized `Decodable` path over 20 000 events.
    init(row: Row) throws {
        id = row["id"]
        vendorId = row["vendorId"]
        appliesToAffiliates = row["appliesToAffiliates"]
        jurisdiction = try Self.required(row, "jurisdiction")
        authority = row["authority"]
        type = try Self.required(row, "type")
        program = row["program"]
        scope = row["scope"]
        announcedOn = try Self.required(row, "announcedOn")
        effectiveFrom = row["effectiveFrom"]
        effectiveTo = row["effectiveTo"]
        status = try Self.required(row, "status")
        sourceUrl = row["sourceUrl"]
        sourceRecordId = row["sourceRecordId"]
        notes = row["notes"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }

    /// A column that must hold a valid value of its type.
    private static func required<T: DatabaseValueConvertible>(_ row: Row, _ column: String) throws -> T {
        guard let value = T.fromDatabaseValue(row[column] as DatabaseValue) else {
            throw StoreError.database("marketEvent row with an invalid \(column)")
        }
        return value
    }
}

extension MarketEventRecord {
    /// Reads a row of either database column by column, as the GRDB initialiser above does: much faster than
    /// `SQLConnection.all`'s `Codable` path over 20 000 events (`try db.rows(sql).map(MarketEventRecord.init(row:))`).
    init(row: SQLRow) throws {
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
