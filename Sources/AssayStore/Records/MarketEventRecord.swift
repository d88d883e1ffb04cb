import AssayCore
import GRDB

/// A market-access event row: something a government, regulator or the vendor did, on partial dates.
struct MarketEventRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
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
        static let announcedOn = Column(CodingKeys.announcedOn)
        static let status = Column(CodingKeys.status)
        static let sourceRecordId = Column(CodingKeys.sourceRecordId)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The days the event is in force.
    var window: EventWindow { EventWindow(start: effectiveFrom ?? announcedOn, end: effectiveTo, status: status) }
}
