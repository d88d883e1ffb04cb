import AssayAudit
import AssayCore
import AssayStore
import AssayWorkflows
import Testing

@Suite("Vendors, events and risk acceptances: changes of several steps")
struct RecordChangeTests {
    @Test("removing a vendor hands back its last state; the vendor is gone and the removal logged")
    func removeVendor() throws {
        let fixture = try WorkflowFixture()
        var draft = VendorDraft(name: "Borealis")
        draft.aliases = ["Borealis Oy"]
        let saved = try VendorRecords.add(draft, in: fixture.store)
        #expect(saved.registryLinks.records == 0 && saved.registryLinks.ambiguous.isEmpty)
        let removed = try VendorRecords.remove("Borealis Oy", in: fixture.store)
        #expect(removed.id == saved.vendor.id && removed.aliases == ["Borealis Oy"])
        #expect(throws: StoreError.self) { try fixture.store.vendor("Borealis") }
        #expect(try fixture.store.logEntries().last?.action == "vendor.remove")
    }

    @Test("a vendor key is read from its file; a private key is refused and nothing is stored")
    func vendorKey() throws {
        let fixture = try WorkflowFixture()
        let pair = try fixture.keyPair("acme")
        #expect(throws: WorkflowError.self) {
            try VendorRecords.addKey("Acme Networks", keyFile: pair.privateKey, label: nil, opening: fixture.opening)
        }
        #expect(try fixture.openings.isEmpty && fixture.store.vendorKeys("Acme Networks").isEmpty)
        let added = try VendorRecords.addKey(
            "Acme Networks", keyFile: pair.publicKey, label: "release", opening: fixture.opening)
        #expect(try fixture.store.vendorKeys("Acme Networks").map(\.fingerprint) == [added.fingerprint])
    }

    @Test("removing an event hands back its last state and the event is gone")
    func removeEvent() throws {
        let fixture = try WorkflowFixture()
        let event = try fixture.store.addEvent(
            MarketEventDraft(
                vendor: "Acme Networks", type: .investigation, jurisdiction: try Jurisdiction("US"),
                announcedOn: try PartialDate(parsing: "2022")))
        let removed = try EventRecords.remove(event.id, in: fixture.store)
        #expect(removed.id == event.id && removed.type == .investigation)
        #expect(try fixture.store.events().isEmpty)
        #expect(throws: StoreError.self) { try EventRecords.remove(event.id, in: fixture.store) }
    }

    @Test("a risk acceptance is checked against the policy file's limits; a refused one records nothing")
    func acceptRisk() throws {
        let fixture = try WorkflowFixture()
        var audit = AuditRunRequest(asOf: .today)
        audit.record = true
        let finding = try #require(try audit.run(opening: fixture.opening).outcome.report.recorded.first)
        let policy = try fixture.directory.write(
            "policy.yaml",
            PolicyTemplate.text.replacingOccurrences(of: "high: 90", with: "high: 10"))
        let request = RiskAcceptanceRequest(
            findingId: finding.id, owner: "J. Doe", reason: "replacement contracted", ticket: nil,
            acceptedOn: .today, until: CalendarDate.today.adding(days: 30))
        #expect(throws: AuditError.self) { try request.record(in: fixture.store, policyFile: policy) }
        #expect(try fixture.store.riskAcceptances(RiskAcceptanceFilter(day: .today)).isEmpty)
        let accepted = try request.record(in: fixture.store, policyFile: nil)
        #expect(accepted.warning == nil && accepted.acceptance.findingId == finding.id)
    }
}
