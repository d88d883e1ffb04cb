import AssayStore
import AssayTestSupport
import Testing

/// Changes the database behind the store's back, as someone with the `sqlite3` shell could, and expects
/// `verifyLog` to name the first entry that no longer verifies.
@Suite struct AuditLogTamperTests {
    /// A store with five log entries.
    func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        try fixture.vendor("Huawei")
        try fixture.certification("ZTE", number: "1")
        try fixture.certification("Huawei", number: "2")
        try fixture.certification("ZTE", number: "3")
        return fixture
    }

    func tamper(_ fixture: StoreFixture, _ sql: String) throws {
        try fixture.tamper(sql)
    }

    @Test func anUntouchedLogVerifies() throws {
        let fixture = try populated()
        let result = try fixture.store.verifyLog()
        #expect(result.isIntact && result.entries == 5 && result.headSeq == 5)
        #expect(result.headHash == (try fixture.store.logEntries().last?.hash))
    }

    @Test func anEditedEntryIsNamed() throws {
        let fixture = try populated()
        try tamper(fixture, #"UPDATE "auditLog" SET "actor" = 'mallory' WHERE "seq" = 3"#)
        let result = try fixture.store.verifyLog()
        #expect(result.firstBreak == LogBreak(seq: 3, reason: "its content does not match its hash (the entry was edited)"))
    }

    @Test func anEditedChangeIsNamed() throws {
        let fixture = try populated()
        try tamper(
            fixture, #"UPDATE "auditLog" SET "change" = replace("change", '2027-01-01', '2029-01-01') WHERE "seq" = 4"#)
        #expect(try fixture.store.verifyLog().firstBreak?.seq == 4)
    }

    @Test func aDeletedEntryIsNamed() throws {
        let fixture = try populated()
        try tamper(fixture, #"DELETE FROM "auditLog" WHERE "seq" = 2"#)
        #expect(try fixture.store.verifyLog().firstBreak == LogBreak(seq: 3, reason: "entry 2 is missing (deleted)"))
    }

    @Test func aRecomputedHashStillBreaksTheNextLink() throws {
        let fixture = try populated()
        // The forger edits entry 2 and fixes its hash, but entry 3 still points at the old hash.
        try tamper(fixture, "UPDATE \"auditLog\" SET \"hash\" = '\(String(repeating: "a", count: 64))' WHERE \"seq\" = 2")
        let result = try fixture.store.verifyLog()
        #expect(result.firstBreak?.seq == 2)
    }

    @Test func swappedEntriesAreNamed() throws {
        let fixture = try populated()
        try tamper(fixture, """
            UPDATE "auditLog" SET "seq" = -1 WHERE "seq" = 2;
            UPDATE "auditLog" SET "seq" = 2 WHERE "seq" = 3;
            UPDATE "auditLog" SET "seq" = 3 WHERE "seq" = -1;
            """)
        let result = try fixture.store.verifyLog()
        #expect(result.firstBreak?.seq == 2)
        #expect(result.firstBreak?.reason.contains("link to entry 1 is broken") == true)
    }

    @Test func anInsertedEntryIsNamed() throws {
        let fixture = try populated()
        try tamper(fixture, """
            INSERT INTO "auditLog" ("seq", "recordedAt", "actor", "action", "entity", "entityId", "vendorId", "change",
                                    "prevHash", "hash")
            SELECT 6, "recordedAt", 'mallory', 'vendor.remove', 'vendor', '1', 1, '{}', "hash", "hash"
            FROM "auditLog" WHERE "seq" = 5
            """)
        let result = try fixture.store.verifyLog()
        #expect(result.firstBreak == LogBreak(seq: 6, reason: "its content does not match its hash (the entry was edited)"))
    }

    @Test func everyMutationIsLoggedInItsTransaction() throws {
        let fixture = try populated()
        let entries = try fixture.store.logEntries()
        #expect(entries.map(\.action) == ["vendor.add", "vendor.add", "cert.add", "cert.add", "cert.add"])
        #expect(entries.allSatisfy { $0.actor == "tester" })
        #expect(zip(entries.dropFirst(), entries).allSatisfy { $0.prevHash == $1.hash })
        var filter = LogFilter()
        filter.vendor = "ZTE"
        #expect(try fixture.store.logEntries(filter).count == 3)
    }
}
