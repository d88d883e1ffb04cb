import AssayCore
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "2027-01-01"])
    func acceptsExistingDays(text: String) throws {
        #expect(try CalendarDate(iso: text).description == text)
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
        "2024-1-1", "2024/01/01", "", "2024-01-01T00:00:00Z", "２０２４-01-01",
    ])
    func refusesOthers(text: String) {
        #expect(throws: ValueError.invalidDate(text)) { try CalendarDate(iso: text) }
    }

    @Test func arithmeticAcrossLeapYearsAndEpoch() throws {
        let start = try CalendarDate(iso: "2024-02-28")
        #expect(start.adding(days: 1).description == "2024-02-29")
        #expect(start.adding(days: 2).description == "2024-03-01")
        #expect(start.adding(days: 366).description == "2025-02-28")
        #expect(try CalendarDate(iso: "1970-01-01").daysSinceEpoch == 0)
        #expect(try CalendarDate(iso: "1969-12-31").daysSinceEpoch == -1)
        #expect(try CalendarDate(iso: "2026-12-01").days(until: try CalendarDate(iso: "2027-03-01")) == 90)
        for offset in stride(from: -800_000, through: 800_000, by: 9_973) {
            #expect(CalendarDate(Date(timeIntervalSince1970: 0)).adding(days: offset).daysSinceEpoch == offset)
        }
    }

    @Test func dayOfAnInstantIsUTC() {
        #expect(CalendarDate(Date(timeIntervalSince1970: 1_700_000_000)).description == "2023-11-14")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250Z")
    }

    @Test func spansCountCalendarDaysWeeksMonthsAndYears() throws {
        let start = try CalendarDate(iso: "2026-12-01")
        #expect(try DaySpan(parsing: "90d").end(from: start).description == "2027-03-01")
        #expect(try DaySpan(parsing: "12w").end(from: start).description == "2027-02-23")
        #expect(try DaySpan(parsing: "6mo").end(from: start).description == "2027-06-01")
        #expect(try DaySpan(parsing: "1Y").end(from: start).description == "2027-12-01")
        #expect(try DaySpan(parsing: "1mo").end(from: try CalendarDate(iso: "2024-01-31")).description == "2024-02-29")
        #expect(try DaySpan(parsing: "1y").end(from: try CalendarDate(iso: "2024-02-29")).description == "2025-02-28")
        #expect(throws: ValueError.invalidSpan("12h")) { try DaySpan(parsing: "12h") }
        #expect(throws: ValueError.invalidDuration("30")) { try DaySpan(parsing: "30") }
        #expect(throws: ValueError.invalidDuration("90 days")) { try DaySpan(parsing: "90 days") }
        #expect(throws: ValueError.invalidDuration("-5d")) { try DaySpan(parsing: "-5d") }
    }

    @Test func intervalsCountSeconds() throws {
        #expect(try ClockInterval(parsing: "90s").seconds == 90)
        #expect(try ClockInterval(parsing: "30min").seconds == 1_800)
        #expect(try ClockInterval(parsing: "24h").seconds == 86_400)
        #expect(try ClockInterval(parsing: "7d").seconds == 604_800)
        #expect(try ClockInterval(parsing: "2w").seconds == 1_209_600)
        #expect(throws: ValueError.invalidInterval("1mo")) { try ClockInterval(parsing: "1mo") }
        #expect(throws: ValueError.invalidInterval("0s")) { try ClockInterval(parsing: "0s") }
    }

    @Test(arguments: ["6m", "6M", " 30m"])
    func mAloneIsAmbiguousForSpansAndIntervals(text: String) {
        #expect(throws: ValueError.ambiguousUnit(text)) { try DaySpan(parsing: text) }
        #expect(throws: ValueError.ambiguousUnit(text)) { try ClockInterval(parsing: text) }
        #expect(
            ValueError.ambiguousUnit(text).description
                == "ambiguous duration '\(text)': write 'mo' for months or 'min' for minutes")
    }

    @Test func monthsAreClampedToTheMonthsLastDay() throws {
        let day = try CalendarDate(iso: "2026-03-31")
        #expect(day.adding(months: -1).description == "2026-02-28")
        #expect(day.adding(months: 11).description == "2027-02-28")
        #expect(day.adding(months: -27).description == "2023-12-31")
    }
}
