import AssayCore
import Foundation

/// The date forms registries publish: US `MM/DD/YYYY` (CC portal, CMVP), several of them run together (CMVP), and
/// the long form `March 12, 2021`, also run together (FCC Covered List).
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

    /// Reads the US long-form dates of an FCC Covered List date cell, in order: one (`March 12, 2021`, also
    /// `Mar. 12, 2021`), or the first with later ones run on (`December 22, 2025Updated:January 7, 2026`).
    ///
    /// Besides dates the text may hold only the words `updated`, `amended`, `revised`, `and`, `on` and punctuation or
    /// footnote marks; `nil` for anything else, or for no date at all.
    static func longUSDates(in text: some StringProtocol) -> [CalendarDate]? {
        var tokens = LongDateTokens(text)
        var dates: [CalendarDate] = []
        while let token = tokens.next() {
            switch token {
            case .word(let word) where connectingWords.contains(word.lowercased()):
                continue
            case .word(let word):
                guard let month = month(named: word),
                    case .number(let day) = tokens.next(), day.count <= 2, let day = Int(day),
                    case .number(let year) = tokens.next(), year.count == 4, let year = Int(year),
                    let date = try? CalendarDate(year: year, month: month, day: day)
                else { return nil }
                dates.append(date)
            case .number:
                return nil
            }
        }
        return dates.isEmpty ? nil : dates
    }

    /// 1 to 12 for a month's name or its abbreviation of three letters or more (`Mar`, `Sept`), any case.
    private static func month(named word: String) -> Int? {
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(lowered) }.map { $0 + 1 }
    }

    private static let connectingWords: Set<String> = ["updated", "amended", "revised", "and", "on"]

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
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
}

/// Splits text into runs of letters and runs of digits, skipping everything else (spaces, punctuation, footnote
/// marks), so that `December 22, 2025Updated:January 7, 2026` reads as words and numbers.
private struct LongDateTokens {
    enum Token {
        case word(String)
        /// A run of ASCII digits.
        case number(String)
    }

    private var rest: Substring

    init(_ text: some StringProtocol) { rest = Substring(text) }

    mutating func next() -> Token? {
        rest = rest.drop { !$0.isLetter && !$0.isASCIIDigit }
        guard let first = rest.first else { return nil }
        if first.isLetter {
            let word = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(word.count)
            return .word(String(word))
        }
        let digits = rest.prefix { $0.isASCIIDigit }
        rest = rest.dropFirst(digits.count)
        return .number(String(digits))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
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
