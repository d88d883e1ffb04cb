import AssayCore
import Foundation

/// The date forms registries publish: US `MM/DD/YYYY` (CC portal, CMVP), several of them run together (CMVP), and
/// the long form `March 12, 2021` (FCC Covered List).
extension CalendarDate {
    /// Parses ISO 8601 `YYYY-MM-DD`; `nil` when it is not an existing day.
    init?(isoText text: some StringProtocol) {
        guard let date = try? CalendarDate(iso: String(text)) else { return nil }
        self = date
    }

    /// Parses US `MM/DD/YYYY`, also without leading zeros (`3/26/2031`).
    init?(us text: some StringProtocol) {
        var scanner = USDateScanner(Substring(text))
        guard let date = scanner.next(), scanner.isAtEnd else { return nil }
        self = date
    }

    /// Parses US long form `March 12, 2021` (also `Mar 12, 2021`).
    init?(longUS text: some StringProtocol) {
        let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard words.count == 3, let day = Int(words[1]), let year = Int(words[2]), words[2].count == 4,
            let month = Self.monthNames.firstIndex(where: { words[0].lowercased().hasPrefix($0) }),
            let date = try? CalendarDate(year: year, month: month + 1, day: day)
        else { return nil }
        self = date
    }

    /// Splits US dates written one after another without separators (`02/07/200807/02/2010`).
    ///
    /// The year always has four digits, which is what marks where the next date starts.
    static func splitUSDates(_ text: some StringProtocol) -> [CalendarDate]? {
        var scanner = USDateScanner(Substring(text))
        var dates: [CalendarDate] = []
        while !scanner.isAtEnd {
            guard let date = scanner.next() else { return nil }
            dates.append(date)
        }
        return dates.isEmpty ? nil : dates
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
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
        return try? CalendarDate(year: year, month: month, day: day)
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
