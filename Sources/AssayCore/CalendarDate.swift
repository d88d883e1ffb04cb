import Foundation

/// A day in the proleptic Gregorian calendar, without time or zone: `2027-01-01`.
///
/// Certification dates, "as of" dates and validity limits are days, so they are compared and stored as days
/// (ISO 8601 `YYYY-MM-DD`, which sorts correctly as text).
public struct CalendarDate: Hashable, Comparable, Sendable, TextCodable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date after checking that the day exists (`2025-02-29` does not).
    public init(year: Int, month: Int, day: Int) throws(ValueError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else {
            throw ValueError.invalidDate("\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses strict ISO 8601 `YYYY-MM-DD`.
    public init(iso text: String) throws(ValueError) {
        // Byte by byte: dates are read by the hundred thousand from the database.
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else {
            throw ValueError.invalidDate(text)
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw ValueError.invalidDate(text)
        }
    }

    /// The day on which `instant` falls in UTC.
    public init(_ instant: Date) {
        let days = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down))
        self.init(daysSinceEpoch: days)
    }

    /// Today in UTC.
    public static var today: CalendarDate { CalendarDate(Date()) }

    /// `YYYY-MM-DD`.
    public var description: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    /// Zero-padded decimal, without the cost of `String(format:)` on hot paths.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The number of days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day `months` calendar months later (earlier when negative), or the month's last day when it
    /// is shorter: 2026-01-31 plus one month is 2026-02-28.
    public func adding(months: Int) -> CalendarDate {
        // Months since the start of year 0, kept within the years 1 to 9999.
        let index = min(max(year * 12 + (month - 1) + months, 12), 9999 * 12 + 11)
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return Self(unchecked: newYear, newMonth, min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// Midnight UTC at the start of this day.
    public var startInstant: Date { Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Parses the text form used in JSON and the database.
    public init(text: String) throws(ValueError) {
        try self.init(iso: text)
    }

    /// A date already known to exist.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
