/// The known word a mistyped one was probably meant to be: the candidate at the smallest edit distance, when it
/// is close enough to be a typo (at most 2 edits, or a third of the typed length for longer words, and never
/// every character: `9` is not a typo of `1`).
///
/// One rule for every "did you mean": vendor names, schemes, event types, jurisdictions, finding kinds and other
/// enumerated values. Candidates are compared by a key (folded as the caller needs) and suggested by the text
/// users know them by.
public struct SpellingSuggestion: Sendable {
    private let typed: String
    private var best: (shown: String, distance: Int)?

    /// Starts looking for the closest candidate to `typed` (already folded like the candidates' keys).
    public init(for typed: String) {
        self.typed = typed
    }

    /// Considers a candidate, compared by `key` and suggested as `shown`; of equally close ones the first wins.
    public mutating func consider(_ key: String, shown: String) {
        let distance = Self.editDistance(typed, key)
        if distance < (best?.distance ?? Int.max) { best = (shown, distance) }
    }

    /// The closest candidate, if it is plausibly a typo of the typed text.
    public var suggestion: String? {
        guard let best, best.distance <= max(2, typed.count / 3), best.distance < typed.count else { return nil }
        return best.shown
    }

    /// The closest of `candidates` to `typed`, comparing them as written.
    public static func closest(to typed: String, among candidates: some Sequence<String>) -> String? {
        var search = SpellingSuggestion(for: typed)
        for candidate in candidates { search.consider(candidate, shown: candidate) }
        return search.suggestion
    }

    /// ` (did you mean 'X'?)` for the closest of `candidates`, or nothing: the clause messages append.
    public static func clause(for typed: String, among candidates: some Sequence<String>) -> String {
        closest(to: typed, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
