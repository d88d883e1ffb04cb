import AssayCore
import AssayStore
import AssayTestSupport
import Testing

/// A log long enough that `verifyLog` hands it to its hashing and replay threads in several batches, and a row
/// state the replay keeps as a digest: the records check must find what the one-thread chain check finds, and
/// name a changed row with the value its entry logged.
@Suite struct LargeLogVerificationTests {
    /// 5,000 vendors added in one transaction: 5,000 entries (more than one batch of 4,096), the last carrying
    /// the rows of all of them (over a megabyte), then one more entry of its own.
    func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let country = try CountryCode("FI")
        try fixture.store.addVendors(
            (0..<5_000).map { index in
                var draft = VendorDraft(name: "Vendor \(index)")
                draft.country = country
                return draft
            })
        try fixture.vendor("Café")
        return fixture
    }

    func tamper(_ fixture: StoreFixture, _ sql: String) throws {
        try fixture.tamper(sql)
    }

    @Test func theRecordsCheckAgreesWithTheChainCheck() throws {
        let fixture = try populated()
        let records = try fixture.store.verifyLog(.records)
        let chain = try fixture.store.verifyLog(.chain)
        #expect(records.isIntact && records.records?.differenceCount == 0)
        #expect(records.entries == 5_001 && records.entries == chain.entries)
        #expect(records.headSeq == chain.headSeq && records.headHash == chain.headHash)
        #expect(records.records?.rows ?? 0 >= 5_001)
    }

    @Test func anEditInTheLastBatchBreaksBothChecksAtTheSameEntry() throws {
        let fixture = try populated()
        try tamper(fixture, #"UPDATE "auditLog" SET "actor" = 'mallory' WHERE "seq" = 4500"#)
        let records = try fixture.store.verifyLog(.records)
        let chain = try fixture.store.verifyLog(.chain)
        #expect(records.firstBreak == LogBreak(seq: 4500, reason: "its content does not match its hash (the entry was edited)"))
        #expect(records.firstBreak == chain.firstBreak)
        #expect(records.records == nil)
    }

    @Test func aChangedRowIsNamedWithTheValueItsEntryLogged() throws {
        let fixture = try populated()
        try tamper(fixture, #"UPDATE "vendor" SET "country" = 'SE' WHERE "name" = 'Vendor 4999'"#)
        let result = try fixture.store.verifyLog(.records)
        let differences = try #require(result.records?.differences)
        #expect(result.records?.differenceCount == 1)
        #expect(differences.first?.kind == .changed)
        #expect(differences.first?.fields.map { [$0.column, $0.log, $0.table] } == [["country", "FI", "SE"]])
    }

    @Test func anNFDRewriteOfAStateIsAChange() throws {
        let fixture = try populated()
        // The same name in canonically equivalent form: equal as Swift strings, other bytes in the table.
        try tamper(fixture, "UPDATE \"vendor\" SET \"name\" = 'Cafe\u{301}' WHERE \"name\" = 'Caf\u{E9}'")
        let result = try fixture.store.verifyLog(.records)
        #expect(result.records?.differenceCount == 1)
        #expect(result.records?.differences.first?.kind == .changed)
    }
}
