import Foundation

/// Instants as ISO 8601 UTC text with milliseconds (`2026-11-26T21:35:03.120Z`), which sorts as text.
public enum Timestamp {
    /// The current instant.
    public static func now() -> String { format(Date()) }

    /// Formats an instant.
    public static func format(_ instant: Date) -> String {
        let millis = Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let day = CalendarDate(Date(timeIntervalSince1970: TimeInterval(seconds)))
        let secondOfDay = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        let pad = CalendarDate.padded
        return "\(day)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))."
            + "\(pad(Int(millis - seconds * 1000), 3))Z"
    }

    /// The end of `day` as timestamp text (ISO 8601's `24:00`): exactly the instants on or before the day sort
    /// before it, up to the last day, 9999-12-31, where the next day's `10000-01-01` would sort first.
    public static func end(of day: CalendarDate) -> String { "\(day)T24:00:00.000Z" }

    /// The UTC day of a timestamp in this form (its first ten characters).
    public static func day(of timestamp: String) throws(ValueError) -> CalendarDate {
        try CalendarDate(iso: String(timestamp.prefix(10)))
    }
}
