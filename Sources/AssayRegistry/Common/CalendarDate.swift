import Foundation

/// A calendar day without time or zone, as registries publish certification dates.
///
/// Encodes as ISO 8601 `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date; `nil` when the day does not exist (`2023-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO 8601 `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses US `MM/DD/YYYY`, also without leading zeros (`3/26/2031`).
    public init?(us text: some StringProtocol) {
        var scanner = USDateScanner(Substring(text))
        guard let date = scanner.next(), scanner.isAtEnd else { return nil }
        self = date
    }

    /// Parses US long form `March 12, 2021` (also `Mar 12, 2021`).
    public init?(longUS text: some StringProtocol) {
        let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard words.count == 3, let day = Int(words[1]), let year = Int(words[2]), words[2].count == 4,
            let month = CalendarDate.monthNames.firstIndex(where: { words[0].lowercased().hasPrefix($0) })
        else { return nil }
        self.init(year: year, month: month + 1, day: day)
    }

    /// Splits US dates written one after another without separators (`02/07/200807/02/2010`).
    ///
    /// The year always has four digits, which is what marks where the next date starts.
    public static func splitUSDates(_ text: some StringProtocol) -> [CalendarDate]? {
        var scanner = USDateScanner(Substring(text))
        var dates: [CalendarDate] = []
        while !scanner.isAtEnd {
            guard let date = scanner.next() else { return nil }
            dates.append(date)
        }
        return dates.isEmpty ? nil : dates
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads `M/D/YYYY` dates one after another from text, byte by byte.
private struct USDateScanner {
    private let bytes: Substring.UTF8View
    private var index: Substring.UTF8View.Index

    init(_ text: Substring) {
        bytes = text.utf8
        index = bytes.startIndex
        skipSpaces()
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    mutating func next() -> CalendarDate? {
        guard let month = number(digits: 1...2), take(UInt8(ascii: "/")), let day = number(digits: 1...2),
            take(UInt8(ascii: "/")), let year = number(digits: 4...4)
        else { return nil }
        skipSpaces()
        return CalendarDate(year: year, month: month, day: day)
    }

    private mutating func skipSpaces() {
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { bytes.formIndex(after: &index) }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.endIndex, bytes[index] == byte else { return false }
        bytes.formIndex(after: &index)
        return true
    }

    /// A decimal number of `digits.lowerBound` to `digits.upperBound` digits, taking as many as it can.
    private mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while count < digits.upperBound, index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            bytes.formIndex(after: &index)
            count += 1
        }
        return count >= digits.lowerBound ? value : nil
    }
}
