/// A unit that users write after a number: calendar units for spans of days, clock units for intervals.
public enum DurationUnit: String, CaseIterable, Sendable {
    case second = "s"
    case minute = "min"
    case hour = "h"
    case day = "d"
    case week = "w"
    case month = "mo"
    case year = "y"

    /// True for `d`, `w`, `mo` and `y`, the units of a span of calendar days.
    public var isCalendar: Bool {
        switch self {
        case .day, .week, .month, .year: true
        case .second, .minute, .hour: false
        }
    }
}

/// A whole number followed by a unit, as users write durations: `90d`, `12w`, `6mo`, `1y`, `90s`, `30min`, `24h`.
///
/// The one parser behind every option that takes a duration, so `6mo` means months and `30min` minutes wherever
/// they are typed. `m` alone is refused as ambiguous, and a bare number as lacking its unit. ``DaySpan`` and
/// ``ClockInterval`` narrow it to the units that make sense for what they measure.
public struct DurationText: Hashable, Sendable, CustomStringConvertible {
    /// The number before the unit.
    public let count: Int
    /// The unit.
    public let unit: DurationUnit
    /// The text as the user wrote it, for messages.
    public let text: String

    /// Parses `N` followed by one of `s`, `min`, `h`, `d`, `w`, `mo`, `y` (case-insensitive, no space between).
    public init(parsing text: String) throws(ValueError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        let unitText = String(trimmed.dropFirst(digits.count))
        if unitText == "m" { throw ValueError.ambiguousUnit(text) }
        guard !digits.isEmpty, digits.count <= 6, let count = Int(digits), let unit = DurationUnit(rawValue: unitText)
        else {
            throw ValueError.invalidDuration(text)
        }
        self.count = count
        self.unit = unit
        self.text = text
    }

    public var description: String { text }
}

/// A length of time in seconds between two things happening, written `90s`, `30min`, `24h`, `7d` or `2w`.
///
/// Days and weeks are fixed lengths here (86,400 and 604,800 seconds); months and years are refused, as they
/// have no fixed length.
public struct ClockInterval: Hashable, Sendable, CustomStringConvertible {
    /// The number of seconds, at least one.
    public let seconds: Int
    /// The text as the user wrote it, for messages.
    public let text: String

    /// Parses an interval through ``DurationText``.
    public init(parsing text: String) throws(ValueError) {
        let parsed = try DurationText(parsing: text)
        let unitSeconds: Int
        switch parsed.unit {
        case .second: unitSeconds = 1
        case .minute: unitSeconds = 60
        case .hour: unitSeconds = 3_600
        case .day: unitSeconds = 86_400
        case .week: unitSeconds = 604_800
        case .month, .year: throw ValueError.invalidInterval(text)
        }
        guard parsed.count > 0 else { throw ValueError.invalidInterval(text) }
        self.seconds = parsed.count * unitSeconds
        self.text = text
    }

    public var description: String { text }
}
