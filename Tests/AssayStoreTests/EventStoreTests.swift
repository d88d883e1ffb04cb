import AssayCore
import AssayStore
import Testing

@Suite struct EventStoreTests {
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
        try fixture.vendor("Huawei Technologies Co., Ltd.", aliases: ["Huawei"])
        try fixture.vendor("Huawei Device Co., Ltd.", parent: "Huawei")
        try fixture.vendor("Huawei Device (Dongguan)", parent: "Huawei Device Co., Ltd.")
        try fixture.vendor("ZTE")
    }

    @Test func parentEventsExtendingToAffiliatesReachEverySubsidiaryWithItsPath() throws {
        try fixture.event("Huawei", .entityListListing, "US", on: "2019-05-16", affiliates: true)
        try fixture.event("Huawei", .marketExit, "US", on: "2013-04-23", status: .disputed)
        var filter = MarketEventFilter()
        filter.vendor = "Huawei Device (Dongguan)"
        let events = try fixture.store.events(filter)
        #expect(
            events.map(\.type) == [.entityListListing], "an event not extending to affiliates stays with the parent")
        #expect(events.first?.relation == .inherited)
        #expect(
            events.first?.path == [
                "Huawei Device (Dongguan)", "Huawei Device Co., Ltd.", "Huawei Technologies Co., Ltd.",
            ])
    }

    @Test func eventsNamingASubsidiaryShowOnItsParentsAsAffectingAnAffiliate() throws {
        try fixture.event("Huawei Device (Dongguan)", .procurementBan, "SE", on: "2020-10-20")
        var filter = MarketEventFilter()
        filter.vendor = "Huawei"
        let events = try fixture.store.events(filter)
        #expect(events.count == 1)
        #expect(events.first?.relation == .affiliate)
        #expect(
            events.first?.path == [
                "Huawei Device (Dongguan)", "Huawei Device Co., Ltd.", "Huawei Technologies Co., Ltd.",
            ])
        filter.vendor = "ZTE"
        #expect(try fixture.store.events(filter).isEmpty)
    }

    @Test func filtersByJurisdictionTypeStatusAndDay() throws {
        try fixture.event("ZTE", .sanctionsListing, "US", on: "2018-04-16", to: "2018-07-13", status: .lifted)
        try fixture.event("ZTE", .marketEntry, "IT", on: "2019-05-21")
        try fixture.event("ZTE", .scandal, "US", on: "2013-06")
        var filter = MarketEventFilter()
        filter.jurisdiction = try Jurisdiction("US")
        #expect(try fixture.store.events(filter).map(\.announcedOn.description) == ["2013-06", "2018-04-16"])
        filter.type = .sanctionsListing
        filter.asOf = try day("2018-05-01")
        filter.inForceOnly = true
        #expect(try fixture.store.events(filter).first?.inForce == .yes)
        filter.asOf = try day("2018-07-14")
        #expect(try fixture.store.events(filter).isEmpty)
        filter.inForceOnly = false
        #expect(try fixture.store.events(filter).map(\.inForce) == [.no])
        filter = MarketEventFilter()
        filter.asOf = try day("2013-06-15")
        filter.inForceOnly = true
        #expect(try fixture.store.events(filter).map(\.inForce) == [.possibly])
        filter = MarketEventFilter()
        filter.status = .lifted
        #expect(try fixture.store.events(filter).count == 1)
    }

    @Test func editsAreCheckedAndLoggedAndRemovalIsKept() throws {
        let added = try fixture.event("ZTE", .sanctionsListing, "US", on: "2018-04-16")
        let lifted = try PartialDate(parsing: "2018-07-13")
        let edited = try fixture.store.editEvent(added.id) { draft in
            draft.status = .lifted
            draft.effectiveTo = lifted
        }
        #expect(edited.status == .lifted && edited.effectiveTo?.description == "2018-07-13")
        let tooEarly = try PartialDate(parsing: "2017")
        #expect { try fixture.store.editEvent(added.id) { draft in draft.effectiveTo = tooEarly } } throws: { error in
            (error as? StoreError)?.code == "value.date-range"
        }
        #expect(try fixture.store.event(added.id).effectiveTo?.description == "2018-07-13")
        #expect { try fixture.store.removeVendor("ZTE") } throws: { error in
            (error as? StoreError)?.description
                == "cannot remove vendor 'ZTE': it has 1 market-access event(s); remove them first"
        }
        try fixture.store.removeEvent(added.id)
        #expect(try fixture.store.logEntries().suffix(3).map(\.action) == ["event.add", "event.edit", "event.remove"])
        #expect(try fixture.store.verifyLog().isIntact)
    }

    @Test func aSourceRecordIdIdentifiesOneEvent() throws {
        var draft = MarketEventDraft(
            vendor: "ZTE", type: .equipmentAuthorizationBan, jurisdiction: try Jurisdiction("US"),
            announcedOn: try PartialDate(parsing: "2021-03-12"))
        draft.sourceRecordId = "covered-list-2021"
        try fixture.store.addEvent(draft)
        #expect { try fixture.store.addEvent(draft) } throws: { error in
            (error as? StoreError)?.description == "source record id 'covered-list-2021' already identifies event #1"
        }
    }
}
