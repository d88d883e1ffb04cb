import AssayCore
import AssayStore
import Testing

@Suite struct DossierTests {
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        try fixture.event("ZTE", .sanctionsListing, "US", on: "2018-04-16", to: "2018-07-13", status: .lifted)
        try fixture.event("ZTE", .delisting, "US", on: "2018-07-13")
        try fixture.certification("ZTE", number: "C-1", issued: "2017-01-01", until: "2019-12-31")
        try fixture.store.setCertificationStatus(1, to: .suspended, effectiveOn: try day("2018-05-01"), reason: "audit")
        try fixture.backdateRecords(to: "2018-01-10T09:00:00.000Z")
    }

    @Test func asOfBeforeAndAfterTheLiftingEvent() throws {
        let during = try fixture.store.dossier("ZTE", asOf: try day("2018-06-01"))
        #expect(during.summary.restrictions.map(\.jurisdiction.code) == ["US"])
        #expect(during.summary.restrictions.first?.events.first?.inForce == .yes)
        #expect(during.timeline.map(\.kind) == [.certificationIssued, .marketEvent, .certificationStatus])
        #expect(during.summary.certifications.first?.validity == .suspended)
        let after = try fixture.store.dossier("ZTE", asOf: try day("2018-08-01"))
        #expect(after.summary.restrictions.isEmpty)
        #expect(after.timeline.last?.title == "US: Delisting or lifting")
        let expired = try fixture.store.dossier("ZTE", asOf: try day("2020-01-01"))
        #expect(expired.timeline.last?.kind == .certificationExpired)
        #expect(expired.timeline.last?.date.description == "2020-01-01")
    }

    @Test func asOfUsesEveryRecordUnlessKnownOnNarrowsIt() throws {
        let before = try fixture.store.dossier("ZTE", asOf: try day("2018-01-09"), knownOn: try day("2018-01-09"))
        #expect(before.timeline.isEmpty && before.summary.certifications.isEmpty)
        let known = try fixture.store.dossier("ZTE", asOf: try day("2018-01-09"), knownOn: try day("2018-01-10"))
        #expect(known.summary.certifications.map(\.validity) == [.valid])
        #expect(known.timeline.map(\.kind) == [.certificationIssued])
        let now = try fixture.store.dossier("ZTE", asOf: try day("2018-01-09"))
        #expect(now.knownOn == .today)
        #expect(now.timeline == known.timeline && now.summary == known.summary)
    }
}
