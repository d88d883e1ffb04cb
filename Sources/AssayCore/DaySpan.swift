/// A length of time in whole days, written by users as `90d`, `12w`, `6m` or `1y`.
///
/// Months and years are counted as calendar-free approximations (30 and 365 days), which is what
/// "expiring within 6m" means to the people who type it; the exact day count is shown in outputs.
public struct DaySpan: Hashable, Sendable, CustomStringConvertible {
    /// The number of days.
    public let days: Int
    /// The text as the user wrote it, for messages.
    public let text: String

    /// Creates a span of `days` days.
    public init(days: Int) {
        self.days = days
        self.text = "\(days)d"
    }

    /// Parses `N` followed by `d`, `w`, `m` or `y` (a bare number means days).
    public init(parsing text: String) throws(ValueError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        let unit = trimmed.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 6, let count = Int(digits) else {
            throw ValueError.invalidSpan(text)
        }
        let factor: Int
        switch unit {
        case "", "d": factor = 1
        case "w": factor = 7
        case "m": factor = 30
        case "y": factor = 365
        default: throw ValueError.invalidSpan(text)
        }
        self.days = count * factor
        self.text = text
    }

    public var description: String { text }
}
