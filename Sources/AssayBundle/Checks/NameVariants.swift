/// Flags paths that are distinct as bytes but equal under Unicode canonical equivalence (NFC vs NFD) or case folding.
///
/// They stay two entries: the check only warns, because extracting such a bundle on macOS or Windows merges them.
enum NameVariants {
    static func findings(_ paths: [EntryPath]) -> [Finding] {
        let texts = paths.compactMap { path in path.utf8String.map { (path, $0) } }
        // Swift String equality is canonical equivalence: exactly the merge we want to detect here.
        let unicodeGroups = Dictionary(grouping: texts, by: { $0.1 }).values.filter { $0.count > 1 }
        let caseGroups = Dictionary(grouping: texts, by: { $0.1.lowercased() }).values.filter { group in
            group.count > 1 && Set(group.map(\.1)).count > 1
        }
        return unicodeGroups.map { finding(.unicodeVariant, $0.map(\.0), "names equal under Unicode normalisation") }
            + caseGroups.map { finding(.caseVariant, $0.map(\.0), "names that differ only by case") }
    }

    private static func finding(_ kind: Finding.Kind, _ group: [EntryPath], _ what: String) -> Finding {
        let sorted = group.sorted()
        let list = sorted.map { "'\($0)'" }.joined(separator: ", ")
        return Finding(kind, .warning, path: sorted.first, "\(what): \(list)")
    }
}
