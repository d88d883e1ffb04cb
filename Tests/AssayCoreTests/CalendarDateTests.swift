import AssayCore
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "2027-01-01"])
    func acceptsExistingDays(text: String) throws {
        #expect(try CalendarDate(iso: text).description == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
                      "2024-1-1", "2024/01/01", "", "2024-01-01T00:00:00Z", "２０２４-01-01"])
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

    @Test func spans() throws {
        #expect(try DaySpan(parsing: "90d").days == 90)
        #expect(try DaySpan(parsing: "12w").days == 84)
        #expect(try DaySpan(parsing: "6m").days == 180)
        #expect(try DaySpan(parsing: "1y").days == 365)
        #expect(try DaySpan(parsing: "30").days == 30)
        #expect(throws: ValueError.invalidSpan("90 days")) { try DaySpan(parsing: "90 days") }
        #expect(throws: ValueError.invalidSpan("-5d")) { try DaySpan(parsing: "-5d") }
    }
}
