import AssayCore
import Foundation
import GRDB
import Testing

@testable import AssayStore

/// The rows bulk writes insert with cached statements are those GRDB's record encoding would write.
@Suite struct CachedRecordStatementsTests {
    @Test func insertedRowsAreTheRecordsEncoding() throws {
        let fixture = try StoreFixture()
        var parent = VendorDraft(name: "ZTE Corporation")
        parent.aliases = ["ZTE", "中兴通讯"]
        parent.country = try CountryCode("CN")
        parent.website = "https://www.zte.com.cn/a/b"
        parent.tier = 1
        parent.notes = "notes with \"quotes\" and / slashes"
        var child = VendorDraft(name: "ZTE Subsidiary")
        child.parent = "ZTE"
        child.identifiers = [try LegalIdentifier(kind: "lei", value: "5493001KJTIIGC8Y1R12")]
        try fixture.store.addVendors([parent, child])
        var draft = CertificationDraft(vendor: "ZTE", scheme: try CertificationScheme("cc"))
        draft.product = "ZXR10 9900"
        draft.coveredVersions = ["V5.00/10", "é \"beta\""]
        draft.augmentations = ["ALC_FLR.2"]
        draft.level = "EAL4+"
        draft.number = "CC-1"
        draft.issuedOn = try CalendarDate(iso: "2024-01-01")
        draft.validUntil = try CalendarDate(iso: "2027-01-01")
        draft.notes = "line one\nline two"
        try fixture.store.addCertification(draft)
        try fixture.store.addCertification(CertificationDraft(vendor: "ZTE", scheme: try CertificationScheme("iso27001")))
        try fixture.store.read { db in
            for vendor in try Vendor.fetchAll(db) {
                try Self.expectStored(vendor, in: db, sql: "SELECT * FROM vendor WHERE id = ?", key: vendor.id)
            }
            for name in try VendorName.fetchAll(db) {
                try Self.expectStored(name, in: db, sql: "SELECT * FROM vendorName WHERE key = ?", key: name.key)
            }
            let certifications = try Certification.fetchAll(db)
            #expect(certifications.count == 2)
            for certification in certifications {
                try Self.expectStored(
                    certification, in: db, sql: "SELECT * FROM certification WHERE id = ?", key: certification.id)
            }
        }
    }

    @Test func claimKeysAreLowerCaseVersionFourUUIDs() throws {
        let keys = (0..<200).map { _ in Certification.newClaimKey() }
        #expect(Set(keys).count == keys.count)
        for key in keys {
            let uuid = try #require(UUID(uuidString: key))
            #expect(key == uuid.uuidString.lowercased())
            #expect(Array(key)[14] == "4")
            #expect("89ab".contains(Array(key)[19]))
        }
    }

    static func expectStored(
        _ record: some EncodableRecord, in db: Database, sql: String, key: (some DatabaseValueConvertible)?
    ) throws {
        let row = try #require(try Row.fetchOne(db, sql: sql, arguments: [key]))
        for (column, value) in try record.databaseDictionary {
            #expect(row[column] as DatabaseValue == value, "\(column)")
        }
    }
}
