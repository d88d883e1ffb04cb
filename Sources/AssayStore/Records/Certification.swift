import AssayCore
import Foundation
import GRDB

/// A certification row: a vendor's claim to hold a scheme's certificate.
struct Certification: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "certification"
    var id: Int64?
    var vendorId: Int64
    var productId: Int64?
    var coveredVersions: [String]
    var scheme: CertificationScheme
    var level: String?
    var augmentations: [String]
    var auditPeriodStart: CalendarDate?
    var auditPeriodEnd: CalendarDate?
    var number: String?
    var issuer: String?
    var lab: String?
    var scope: String?
    var issuedOn: CalendarDate?
    var validUntil: CalendarDate?
    var status: CertificationStatus
    var createdAt: String
    var updatedAt: String
    var notes: String?
    /// The claim's stable identity across export and import (``newClaimKey()`` unless imported with one).
    var claimKey: String?

    static let vendor = belongsTo(Vendor.self)
    static let product = belongsTo(Product.self)

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let vendorId = Column(CodingKeys.vendorId)
        static let productId = Column(CodingKeys.productId)
        static let scheme = Column(CodingKeys.scheme)
        static let number = Column(CodingKeys.number)
        static let status = Column(CodingKeys.status)
        static let validUntil = Column(CodingKeys.validUntil)
        static let createdAt = Column(CodingKeys.createdAt)
        static let claimKey = Column(CodingKeys.claimKey)
        static let issuedOn = Column(CodingKeys.issuedOn)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A fresh claim key: a lower-case random (version 4) UUID, from the system's generator (Foundation's `UUID()`
    /// opens the random device anew for each, and bulk writes make one per row).
    static func newClaimKey() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = withUnsafeBytes(of: (generator.next() as UInt64, generator.next() as UInt64)) { Array($0) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}

/// A dated status change of a certification, with its reason.
struct CertificationStatusChange: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "certificationStatusChange"
    var id: Int64?
    var certificationId: Int64
    var status: CertificationStatus
    var effectiveOn: CalendarDate
    var reason: String?
    var recordedAt: String

    enum Columns {
        static let certificationId = Column(CodingKeys.certificationId)
        static let effectiveOn = Column(CodingKeys.effectiveOn)
        static let recordedAt = Column(CodingKeys.recordedAt)
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A product of a vendor and the versions known for it.
struct Product: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "product"
    var id: Int64?
    var vendorId: Int64
    var name: String
    var key: String
    var versions: [String]

    enum Columns {
        static let vendorId = Column(CodingKeys.vendorId)
        static let key = Column(CodingKeys.key)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A file attached to a certification, stored by content beside the database.
struct EvidenceRecord: Codable, Sendable, Equatable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "evidence"
    var id: Int64?
    var certificationId: Int64
    var sha256: String
    var size: Int64
    var originalName: String
    var receivedAt: String
    var effectiveOn: CalendarDate?

    enum Columns {
        static let certificationId = Column(CodingKeys.certificationId)
        static let sha256 = Column(CodingKeys.sha256)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
