import AssayCore
import AssayStore
import Testing

@Suite struct RiskAcceptanceStoreTests {
    func draft(
        _ finding: String = "certification-expired:certification-1", owner: String = "Alice",
        on: String = "2026-06-01", until: String = "2026-07-01", vendorId: Int64? = 1
    ) throws -> RiskAcceptanceDraft {
        var draft = RiskAcceptanceDraft(
            findingId: finding, owner: owner, reason: "replacement ordered", acceptedOn: try day(on),
            until: try day(until), severity: .high)
        draft.vendorId = vendorId
        draft.vendorName = vendorId.map { _ in "ZTE" }
        return draft
    }

    @Test func acceptsRevokesAndLogsEachChange() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        var first = try draft()
        first.ticket = "SEC-1"
        let accepted = try fixture.store.acceptRisk(first)
        #expect(accepted.id == 1 && accepted.vendor?.name == "ZTE" && accepted.ticket == "SEC-1")
        #expect(accepted.actor == "tester" && accepted.revocation == nil)
        let revoked = try fixture.store.revokeRiskAcceptance(1, reason: "certified again", on: try day("2026-06-10"))
        #expect(revoked.revocation?.on == (try day("2026-06-10")))
        #expect(revoked.revocation?.reason == "certified again" && revoked.revocation?.actor == "tester")
        #expect(try fixture.store.riskAcceptance(1) == revoked)
        let actions = try fixture.store.logEntries().suffix(2).map(\.action)
        #expect(actions == ["risk.accept", "risk.revoke"])
        #expect(try fixture.store.verifyLog().isIntact)
    }

    @Test(arguments: [
        ("2026-05-31", RiskAcceptanceState.pending), ("2026-06-01", .active), ("2026-07-01", .active),
        ("2026-07-02", .expired), ("2026-07-10", .revoked),
    ])
    func statesFollowTheDay(on text: String, state: RiskAcceptanceState) throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        try fixture.store.acceptRisk(try draft())
        let acceptance = try fixture.store.revokeRiskAcceptance(1, reason: "done", on: try day("2026-07-10"))
        #expect(acceptance.state(on: try day(text)) == state)
    }

    @Test func listsByVendorAndState() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        try fixture.vendor("Nokia", country: "FI")
        try fixture.store.acceptRisk(try draft())
        try fixture.store.acceptRisk(try draft("x509-weak:certification-2", until: "2026-06-15"))
        try fixture.store.acceptRisk(try draft("market-restriction:vendor-2-event-1", vendorId: 2))
        func list(_ vendor: String?, _ states: Set<RiskAcceptanceState>?, on: String) throws -> [Int64] {
            var filter = RiskAcceptanceFilter(day: try day(on))
            filter.vendor = vendor
            filter.states = states
            return try fixture.store.riskAcceptances(filter).map(\.id)
        }
        #expect(try list(nil, nil, on: "2026-06-20") == [1, 2, 3])
        #expect(try list("ZTE", nil, on: "2026-06-20") == [1, 2])
        #expect(try list("#2", nil, on: "2026-06-20") == [3])
        #expect(try list(nil, [.expired], on: "2026-06-20") == [2])
        #expect(throws: StoreError.self) { try list("Nokiaa", nil, on: "2026-06-20") }
    }

    @Test func refusesEmptyOrControlTextAndBackwardDates() throws {
        let fixture = try StoreFixture()
        #expect { try fixture.store.acceptRisk(try draft(owner: "  ")) } throws: { error in
            (error as? StoreError)?.description == "owner must not be empty"
        }
        #expect { try fixture.store.acceptRisk(try draft(owner: "Al\u{1B}[31mice")) } throws: { error in
            (error as? StoreError)?.code == "value.control-character"
        }
        #expect { try fixture.store.acceptRisk(try draft(until: "2026-05-31")) } throws: { error in
            (error as? StoreError)?.description
                == "an acceptance must last at least until the day it is made (2026-06-01), not 2026-05-31"
        }
        #expect { try fixture.store.revokeRiskAcceptance(4, reason: "x", on: try day("2026-06-01")) } throws: { error in
            (error as? StoreError)?.description == "no risk acceptance with id 4"
        }
        #expect(try fixture.store.riskAcceptances(RiskAcceptanceFilter(day: try day("2026-06-01"))).isEmpty)
    }
}
