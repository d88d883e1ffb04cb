import Foundation

/// Finds the covered entities and scope limitations in the free text of FCC Covered List entries.
///
/// Entities follow "produced by", "provided by", "supplied, directly or indirectly, by" and the like, or "its
/// (wholly-owned) subsidiary", and end at the clause that follows them (", including", " or any of its",
/// " subject to", " to the extent"…). A parenthesis that is part of the name (`China Telecom (Americas) Corp.`)
/// stays; one that opens a clause (`(or any of its successors…)`) ends it. Footnote marks (`†`, `^`, `#`) are
/// not part of names. Text that names no company after those words (`routers produced in a foreign country`,
/// `provided by such entity`) gives none.
enum CoveredListText {
    private static let verbs = ["produced", "provided", "supplied", "manufactured", "offered", "indirectly,"]
    /// Words after which a name follows directly.
    private static let subsidiaryWords = [" subsidiary ", " subsidiaries "]
    private static let entityEnds = [
        ", including", ", to the extent", " to the extent", " or any of its", " and its ", ", its ", " subject to",
        "; ", ", and ", ", or ",
    ]
    private static let footnoteMarks: Set<Character> = [
        "†", "‡", "§", "¶", "*", "^", "#", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰",
    ]
    private static let scopeStart = "to the extent"
    private static let scopeEnds = [", including", ". ", "; "]

    /// Company names named as producers, providers or subsidiaries, in order, without duplicates.
    static func entities(in published: String) -> [String] {
        let text = published.filter { !footnoteMarks.contains($0) }
        var starts: [String.Index] = []
        var rest = text[...]
        while let by = rest.range(of: " by ") {
            let before = rest[..<by.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            if verbs.contains(before.lowercased()) { starts.append(by.upperBound) }
            rest = rest[by.upperBound...]
        }
        for word in subsidiaryWords {
            var rest = text[...]
            while let found = rest.range(of: word, options: .caseInsensitive) {
                starts.append(found.upperBound)
                rest = rest[found.upperBound...]
            }
        }
        var found: [String] = []
        for start in starts.sorted() {
            let name = self.name(startingAt: text[start...])
            if !name.isEmpty, !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// The company name at the start of `text`, up to the clause that follows it; empty when `text` does not start
    /// with a capital (`such entity`, `any entity`).
    private static func name(startingAt text: Substring) -> String {
        guard let first = text.first, first.isUppercase else { return "" }
        var ends = entityEnds.compactMap { text.range(of: $0)?.lowerBound }
        var search = text[...]
        while let parenthesis = search.range(of: " (") {
            let next = text[parenthesis.upperBound...].first
            if next.map({ !$0.isUppercase }) ?? true {
                ends.append(parenthesis.lowerBound)
                break
            }
            search = text[parenthesis.upperBound...]
        }
        let clause = text[..<(ends.min() ?? text.endIndex)]
        return String(sentence(clause)).trimmingCharacters(in: .whitespaces)
    }

    /// `text` up to the end of its first sentence, without the full stop; the stop of an abbreviated legal
    /// form (`Inc.`, `Co.`) does not end a sentence.
    private static func sentence(_ text: Substring) -> Substring {
        var searchStart = text.startIndex
        while let stop = text[searchStart...].firstIndex(of: ".") {
            let word = text[..<stop].split(separator: " ").last.map { $0.lowercased() } ?? ""
            let next = text.index(after: stop)
            let endsSentence = next == text.endIndex || text[next] == " "
            if endsSentence && !VendorNameNormalizer.legalSuffixes.contains(word) { return text[..<stop] }
            searchStart = next
        }
        return text
    }

    /// The "to the extent …" clause, up to the next clause or the end of the sentence.
    static func scopeLimitation(in text: String) -> String? {
        guard let start = text.range(of: scopeStart, options: .caseInsensitive) else { return nil }
        let rest = text[start.lowerBound...]
        let end = scopeEnds.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        let clause = rest[..<end].trimmingCharacters(in: .whitespaces)
        return clause.hasSuffix(".") ? String(clause.dropLast()) : clause
    }
}
