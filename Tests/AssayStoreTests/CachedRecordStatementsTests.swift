import AssayCore
import Foundation
import Testing

@testable import AssayStore

/// The rows bulk writes insert with cached statements are those the records' own encoding (``SQLRowEncoder``, GRDB's
/// rules) would write, in either database.
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
            for vendor in try db.all(Vendor.self, #"SELECT * FROM "vendor""#) {
                try Self.expectStored(vendor, in: db, key: [vendor.id])
            }
            for name in try db.all(VendorName.self, #"SELECT * FROM "vendorName""#) {
                try Self.expectStored(name, in: db, key: [name.key])
            }
            let certifications = try db.all(Certification.self, #"SELECT * FROM "certification""#)
            #expect(certifications.count == 2)
            for certification in certifications {
                try Self.expectStored(certification, in: db, key: [certification.id])
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

    static func expectStored<R: SQLRecord>(
        _ record: R, in db: any SQLConnection, key: [any SQLValueConvertible]
    ) throws {
        let condition = R.keyColumns.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
        let row = try #require(try db.row("SELECT * FROM \(R.quotedTable) WHERE \(condition)", key))
        for (column, value) in try SQLRowEncoder.columns(of: record) {
            #expect(row.sqlValue(column) == value, "\(column)")
        }
    }
}
