import Foundation

/// Finds the covered entities and scope limitations in the free text of FCC Covered List entries.
///
/// Entities follow "produced by", "provided by", "supplied, directly or indirectly, by" and the like, and end
/// at the clause that follows them (", including", " or any of its", " subject to", " to the extent"…).
enum CoveredListText {
    private static let verbs = ["produced", "provided", "supplied", "manufactured", "offered", "indirectly,"]
    private static let entityEnds = [
        ", including", ", to the extent", " to the extent", " or any of its", " and its ", ", its ", " subject to",
        "; ", ", and ", ", or ", " (",
    ]
    private static let scopeStart = "to the extent"
    private static let scopeEnds = [", including", ". ", "; "]

    /// Company names named as producers or providers, in order, without duplicates.
    static func entities(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let by = rest.range(of: " by ") {
            let before = rest[..<by.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            rest = rest[by.upperBound...]
            guard verbs.contains(before.lowercased()), let first = rest.first, first.isUppercase else { continue }
            let clauseEnd = entityEnds.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
            let name = sentence(rest[..<clauseEnd]).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !found.contains(name) { found.append(name) }
        }
        return found
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
