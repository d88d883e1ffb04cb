/// A span of calendar days, written by users as `90d`, `12w`, `6mo` or `1y`.
///
/// Months and years are calendar months and years: six months from 2026-12-01 end on 2027-06-01, and a month
/// from January 31 ends on the last day of February. Clock units (`h`, `min`, `s`) are refused.
public struct DaySpan: Hashable, Sendable, CustomStringConvertible {
    /// The number of units.
    public let count: Int
    /// The calendar unit: day, week, month or year.
    public let unit: DurationUnit
    /// The text as the user wrote it, for messages.
    public let text: String

    /// Creates a span of `days` days.
    public init(days: Int) {
        self.count = days
        self.unit = .day
        self.text = "\(days)d"
    }

    /// Parses a span through ``DurationText``, accepting only calendar units.
    public init(parsing text: String) throws(ValueError) {
        let parsed = try DurationText(parsing: text)
        guard parsed.unit.isCalendar else { throw ValueError.invalidSpan(text) }
        self.count = parsed.count
        self.unit = parsed.unit
        self.text = text
    }

    /// The last day of the span that starts on `start`.
    public func end(from start: CalendarDate) -> CalendarDate {
        switch unit {
        case .week: start.adding(days: 7 * count)
        case .month: start.adding(months: count)
        case .year: start.adding(months: 12 * count)
        case .day, .second, .minute, .hour: start.adding(days: count)
        }
    }

    public var description: String { text }
}
