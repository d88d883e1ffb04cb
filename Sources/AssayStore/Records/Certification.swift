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
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { random in
            random[6] = random[6] & 0x0F | 0x40
            random[8] = random[8] & 0x3F | 0x80
            func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
            // 8-4-4-4-12 hex digits: a dash before bytes 4, 6, 8 and 10.
            return String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in random.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digit(byte >> 4)
                    text[position + 1] = digit(byte & 15)
                    position += 2
                }
                return position
            }
        }
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
