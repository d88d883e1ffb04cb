import AssayCore
import AssayStore
import Foundation
import Testing

@Suite struct AuditRunStoreTests {
    func finding(_ id: String, _ severity: Severity, acceptanceId: Int64? = nil) -> RecordedFinding {
        RecordedFinding(
            id: id, kind: "certification-expired", severity: severity, vendorId: 1, vendorName: "ZTE", subject: "s",
            message: "m", acceptanceId: acceptanceId)
    }

    @Test func recordsARunWithItsFindingsAndLogsIt() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        let head = try #require(try fixture.store.auditSnapshot(asOf: day("2026-06-01")).logHead)
        var draft = AuditRunDraft(
            asOf: try day("2026-06-01"), policyDigest: String(repeating: "a", count: 64), format: "json",
            findings: [finding("b", .high), finding("a", .low), finding("c", .high)])
        draft.reportSha256 = String(repeating: "b", count: 64)
        draft.logHeadSeq = head.seq
        draft.logHeadHash = head.hash
        let run = try fixture.store.recordAuditRun(draft)
        #expect(run.id == 1)
        #expect(run.counts.high == 2 && run.counts.low == 1 && run.counts.total == 3)
        #expect(run.logHeadSeq == head.seq && run.logHeadHash == head.hash)
        #expect(try fixture.store.auditFindings(run: 1).map(\.id) == ["a", "b", "c"])
        #expect(try fixture.store.auditRuns() == [run])
        let entry = try #require(try fixture.store.logEntries().last)
        #expect(entry.action == "audit.run" && entry.entityId == "1")
        #expect(try fixture.store.verifyLog().isIntact)
    }

    @Test func unknownRunIsNotFound() throws {
        let fixture = try StoreFixture()
        #expect { try fixture.store.auditFindings(run: 7) } throws: { error in
            (error as? StoreError)?.description == "no audit run with id 7"
        }
    }

    @Test func snapshotReadsStatusOnTheDayAndTheLogHead() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        try fixture.certification("ZTE", until: "2026-12-31")
        try fixture.store.setCertificationStatus(1, to: .revoked, effectiveOn: try day("2026-03-01"), reason: nil)
        let before = try fixture.store.auditSnapshot(asOf: try day("2026-02-28"))
        let after = try fixture.store.auditSnapshot(asOf: try day("2026-03-01"))
        #expect(before.certifications.first?.validity == .valid)
        #expect(after.certifications.first?.validity == .revoked)
        #expect(after.logHead?.seq == 3)
        #expect(after.logVerification.isIntact)
    }
}
