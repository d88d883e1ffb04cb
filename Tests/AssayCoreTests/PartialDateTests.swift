import AssayCore
import Testing

@Suite struct PartialDateTests {
    func day(_ text: String) throws -> CalendarDate { try CalendarDate(iso: text) }

    @Test(arguments: [
        ("2013", "2013-01-01", "2013-12-31", PartialDate.Precision.year),
        ("2013-10", "2013-10-01", "2013-10-31", .month),
        ("2024-02", "2024-02-01", "2024-02-29", .month),
        ("2023-02", "2023-02-01", "2023-02-28", .month),
        ("2013-10-21", "2013-10-21", "2013-10-21", .day),
    ])
    func parsesEachPrecision(text: String, earliest: String, latest: String, precision: PartialDate.Precision) throws {
        let date = try PartialDate(parsing: text)
        #expect(date.description == text)
        #expect(try date.earliest == day(earliest) && date.latest == day(latest))
        #expect(date.precision == precision)
    }

    @Test(arguments: [
        "13", "2013-1", "2013-13", "2013-00", "2013-02-30", "2013-10-21-01", "2013/10", "", "autumn 2013",
        "2013-", "-2013", "２０１３",
    ])
    func refusesMalformedDates(text: String) {
        #expect(throws: ValueError.invalidPartialDate(text)) { try PartialDate(parsing: text) }
    }

    @Test func comparisonsWithADayAreHonest() throws {
        let october = try PartialDate(parsing: "2013-10")
        #expect(october.relation(to: try day("2013-09-30")) == .before)
        #expect(october.relation(to: try day("2013-10-15")) == .within)
        #expect(october.relation(to: try day("2013-11-01")) == .after)
        #expect(try PartialDate(parsing: "2013-10-21").relation(to: try day("2013-10-21")) == .on)
        #expect(october.isOnOrBefore(try day("2013-10-15")) == .possibly)
        #expect(october.isOnOrBefore(try day("2013-10-31")) == .yes)
        #expect(october.isOnOrBefore(try day("2013-09-30")) == .no)
        #expect(october.isOnOrAfter(try day("2013-10-01")) == .yes)
        #expect(october.isOnOrAfter(try day("2013-10-02")) == .possibly)
        #expect(october.isOnOrAfter(try day("2013-11-01")) == .no)
    }

    @Test func ordersByEarliestDayThenLessPreciseFirst() throws {
        let texts = ["2013-10-21", "2013-04-23", "2013", "2013-06", "2012-10-08", "2013-01", "2013-01-01"]
        let sorted = try texts.map { try PartialDate(parsing: $0) }.sorted().map(\.description)
        #expect(sorted == ["2012-10-08", "2013", "2013-01", "2013-01-01", "2013-04-23", "2013-06", "2013-10-21"])
    }

    @Test func rangesRefuseAnEndCertainlyBeforeTheStart() throws {
        #expect(throws: ValueError.endBeforeStart(start: "2019-05-16", end: "2018")) {
            try PartialDate.checkRange(
                from: try PartialDate(parsing: "2019-05-16"), to: try PartialDate(parsing: "2018"))
        }
        try PartialDate.checkRange(from: try PartialDate(parsing: "2019-05-16"), to: try PartialDate(parsing: "2019"))
        try PartialDate.checkRange(from: nil, to: try PartialDate(parsing: "2019"))
    }

    @Test func inForceFollowsTheDocumentedRule() throws {
        let october = EventWindow(start: try PartialDate(parsing: "2013-10"), end: nil, status: .active)
        #expect(october.inForce(on: try day("2013-10-15")) == .possibly)
        #expect(october.inForce(on: try day("2013-11-01")) == .yes)
        #expect(october.inForce(on: try day("2013-09-30")) == .no)
        let denial = EventWindow(
            start: try PartialDate(parsing: "2018-04-16"), end: try PartialDate(parsing: "2018-07-13"),
            status: .lifted)
        #expect(denial.inForce(on: try day("2018-04-15")) == .no)
        #expect(denial.inForce(on: try day("2018-05-01")) == .yes)
        #expect(denial.inForce(on: try day("2018-07-13")) == .yes)
        #expect(denial.inForce(on: try day("2018-07-14")) == .no)
        let endsSometimeIn2020 = EventWindow(
            start: try PartialDate(parsing: "2019"), end: try PartialDate(parsing: "2020"),
            status: .expired)
        #expect(endsSometimeIn2020.inForce(on: try day("2020-06-01")) == .possibly)
        let liftedSometime = EventWindow(start: try PartialDate(parsing: "2019-05-16"), end: nil, status: .lifted)
        #expect(liftedSometime.inForce(on: try day("2025-01-01")) == .possibly)
        let disputed = EventWindow(start: try PartialDate(parsing: "2013-04-23"), end: nil, status: .disputed)
        #expect(disputed.inForce(on: try day("2014-01-01")) == .possibly)
        #expect(disputed.inForce(on: try day("2013-01-01")) == .no)
    }

    @Test func jurisdictionsAreCountriesOrBlocs() throws {
        #expect(try Jurisdiction("eu").code == "EU")
        #expect(try Jurisdiction("gb").name == "United Kingdom")
        #expect(try Jurisdiction("EU").isBloc)
        #expect(throws: ValueError.invalidJurisdiction("UK")) { try Jurisdiction("UK") }
    }

    @Test func eventTypesParseCaseInsensitively() throws {
        #expect(try MarketEventType(parsing: "Entity-List-Listing") == .entityListListing)
        #expect(try MarketEventType(parsing: "procurement-ban").isRestriction)
        #expect(!(try MarketEventType(parsing: "market-exit").isRestriction))
        #expect(throws: ValueError.self) { try MarketEventType(parsing: "ban") }
    }
}
