import AssayCrypto

/// Pairs missing paths with paths that appeared instead: same unique digest (a rename), or the same name in another
/// Unicode normalisation or case. Lookups go through dictionaries, so renaming a whole tree stays linear.
enum RenameHints {
    static func hints(missing: [BundleEntry], appeared: [BundleEntry]) -> [Hint] {
        var hints: [Hint] = []
        let missingByDigest = uniqueByDigest(missing)
        let appearedByDigest = uniqueByDigest(appeared)
        for (digest, from) in missingByDigest.sorted(by: { $0.value.path < $1.value.path }) {
            guard let to = appearedByDigest[digest] else { continue }
            hints.append(
                Hint(
                    kind: .possibleRename, from: from.path.description, to: to.path.description,
                    message: "'\(from.path)' may have been renamed to '\(to.path)' (same content)"))
        }
        // Swift String keys compare by canonical equivalence: exactly the NFC/NFD match wanted here.
        let appearedTexts = appeared.compactMap(\.path.utf8String)
        let byText = Dictionary(grouping: appearedTexts) { $0 }
        let byFolded = Dictionary(grouping: appearedTexts) { $0.lowercased() }
        for fromText in missing.compactMap(\.path.utf8String) {
            for toText in byText[fromText] ?? [] {
                hints.append(
                    Hint(
                        kind: .unicodeVariant, from: fromText, to: toText,
                        message: "'\(fromText)' appears under another Unicode normalisation"))
            }
            for toText in byFolded[fromText.lowercased()] ?? [] where toText != fromText {
                hints.append(
                    Hint(
                        kind: .caseVariant, from: fromText, to: toText,
                        message: "'\(fromText)' appears as '\(toText)' (case differs)"))
            }
        }
        return hints
    }

    /// Files whose digest occurs exactly once in the list, by digest.
    private static func uniqueByDigest(_ entries: [BundleEntry]) -> [Digest: BundleEntry] {
        let groups = Dictionary(grouping: entries.filter { $0.type == .file && $0.digest != nil }) { $0.digest }
        var unique: [Digest: BundleEntry] = [:]
        for (digest, group) in groups where group.count == 1 {
            if let digest, let entry = group.first { unique[digest] = entry }
        }
        return unique
    }
}
