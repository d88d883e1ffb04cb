import AssayCore
import AssayStore
import AssayTestSupport
import Foundation
import Testing

@Suite struct CertificationStoreTests {
    @Test func expiringWithinIsDerivedAsOfADay() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        try fixture.certification("ZTE", number: "soon", until: "2027-01-15")
        try fixture.certification("ZTE", number: "later", until: "2027-06-01")
        try fixture.certification("ZTE", number: "gone", until: "2026-11-30")
        var filter = CertificationFilter()
        filter.asOf = try day("2026-12-01")
        filter.expiringWithin = try DaySpan(parsing: "90d")
        let expiring = try fixture.store.certifications(filter)
        #expect(expiring.map(\.number) == ["soon"])
        #expect(expiring.first?.daysRemaining == 45)
        filter.expiringWithin = nil
        filter.validity = .expired
        #expect(try fixture.store.certifications(filter).map(\.number) == ["gone"])
        // The same records as of an earlier day: nothing had expired yet.
        filter.asOf = try day("2025-01-01")
        #expect(try fixture.store.certifications(filter).isEmpty)
    }

    @Test func statusChangesAreDatedAndKept() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        let cert = try fixture.certification("ZTE", number: "1")
        try fixture.store.setCertificationStatus(cert.id, to: .suspended, effectiveOn: try day("2025-03-01"), reason: "audit")
        let shown = try fixture.store.setCertificationStatus(
            cert.id, to: .active, effectiveOn: try day("2025-05-01"), reason: "reinstated", asOf: try day("2025-06-01"))
        #expect(shown.statusHistory?.map(\.status) == [.active, .suspended, .active])
        #expect(shown.statusHistory?.map(\.reason) == ["registered", "audit", "reinstated"])
        #expect(shown.validity == .valid)
        var filter = CertificationFilter()
        filter.status = .suspended
        #expect(try fixture.store.certifications(filter).isEmpty)
    }

    @Test func refusesDatesOutOfOrderDuplicatesAndBadLevels() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        #expect { try fixture.certification("ZTE", issued: "2027-01-01", until: "2024-01-01") } throws: { error in
            (error as? StoreError)?.description == "valid-until date 2024-01-01 is before issued-on date 2027-01-01"
        }
        try fixture.certification("ZTE", number: "A-1")
        #expect { try fixture.certification("ZTE", number: "A-1") } throws: { error in
            (error as? StoreError)?.code == "store.refused"
        }
        var draft = CertificationDraft(vendor: "ZTE", scheme: try CertificationScheme("fips140-3"))
        draft.level = "5"
        #expect { try fixture.store.addCertification(draft) } throws: { error in
            (error as? StoreError)?.code == "value.scheme-detail"
        }
        #expect(try fixture.store.certifications(CertificationFilter()).count == 1)
    }

    @Test func aBatchIsAllOrNothing() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        let good = CertificationDraft(vendor: "ZTE", scheme: try CertificationScheme("iso27001"))
        let bad = CertificationDraft(vendor: "Nobody", scheme: try CertificationScheme("iso27001"))
        #expect(throws: StoreError.self) { try fixture.store.addCertifications([good, good, bad]) }
        #expect(try fixture.store.certifications(CertificationFilter()).isEmpty)
        #expect(try fixture.store.logEntries().count == 1)
    }

    @Test func productsAndCoveredVersions() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        var draft = CertificationDraft(vendor: "ZTE", scheme: try CertificationScheme("cc"))
        draft.product = "ZXR10 9900"
        draft.coveredVersions = ["V5.00.10"]
        draft.level = "EAL3+"
        draft.augmentations = ["ALC_FLR.2"]
        let cert = try fixture.store.addCertification(draft)
        #expect(cert.product == "ZXR10 9900" && cert.coveredVersions == ["V5.00.10"] && cert.level == "EAL3+")
        #expect(try fixture.store.logEntries().map(\.action) == ["vendor.add", "product.add", "cert.add"])
    }

    @Test func evidenceIsStoredOnceByContent() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        let first = try fixture.certification("ZTE", number: "1")
        let second = try fixture.certification("ZTE", number: "2")
        let pdf = try fixture.directory.write("certificate.pdf", "%PDF-1.4 sample evidence")
        let copy = try fixture.directory.write("copy.pdf", "%PDF-1.4 sample evidence")
        let a = try fixture.store.attachEvidence(to: first.id, file: pdf, effectiveOn: try day("2024-01-01"))
        let b = try fixture.store.attachEvidence(to: second.id, file: copy, effectiveOn: nil)
        let again = try fixture.store.attachEvidence(to: first.id, file: copy, effectiveOn: nil)
        #expect(!a.alreadyAttached && !b.alreadyAttached && again.alreadyAttached)
        #expect(a.evidence.sha256 == b.evidence.sha256)
        let blob = fixture.store.location.evidenceDirectory + "/" + a.evidence.storedPath
        #expect(try String(contentsOfFile: blob, encoding: .utf8) == "%PDF-1.4 sample evidence")
        let blobs = try FileManager.default.subpathsOfDirectory(atPath: fixture.store.location.evidenceDirectory)
            .filter { $0.hasPrefix("sha256/") && $0.split(separator: "/").count == 3 }
        #expect(blobs.count == 1)
        #expect(try fixture.store.certification(first.id).evidence?.count == 1)
        #expect { try fixture.store.attachEvidence(to: 99, file: pdf, effectiveOn: nil) } throws: { error in
            (error as? StoreError)?.description == "no certification with id 99"
        }
    }
}
