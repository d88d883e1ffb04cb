import AssayCore
import Foundation

/// A certification row: a vendor's claim to hold a scheme's certificate.
struct Certification: Codable, Sendable, Equatable, SQLNumberedRecord {
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
struct CertificationStatusChange: Codable, Sendable, Equatable, SQLNumberedRecord {
    static let databaseTableName = "certificationStatusChange"
    var id: Int64?
    var certificationId: Int64
    var status: CertificationStatus
    var effectiveOn: CalendarDate
    var reason: String?
    var recordedAt: String

}

/// A product of a vendor and the versions known for it.
struct Product: Codable, Sendable, Equatable, SQLNumberedRecord {
    static let databaseTableName = "product"
    var id: Int64?
    var vendorId: Int64
    var name: String
    var key: String
    var versions: [String]

}

/// A file attached to a certification, stored by content beside the database.
struct EvidenceRecord: Codable, Sendable, Equatable, SQLNumberedRecord {
    static let databaseTableName = "evidence"
    var id: Int64?
    var certificationId: Int64
    var sha256: String
    var size: Int64
    var originalName: String
    var receivedAt: String
    var effectiveOn: CalendarDate?

}
