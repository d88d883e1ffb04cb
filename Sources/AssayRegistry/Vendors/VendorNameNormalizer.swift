import Foundation

/// Reduces a company name to a key for matching: case, accents, punctuation and trailing legal suffixes
/// (`Co., Ltd.`, `Inc.`, `GmbH`, `S.A.`…) are removed, so `Huawei Technologies CO., Ltd.` and
/// `Huawei Technologies Co., Ltd` give the same key, `huawei technologies`.
public enum VendorNameNormalizer {
    /// Legal-form words dropped from the end of a name, after punctuation is removed and single letters
    /// are joined (`S.A.` → `sa`, `B.V.` → `bv`).
    public static let legalSuffixes: Set<String> = [
        "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "llp", "lp",
        "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj",
        "plc", "pte", "pty", "kk", "se", "mbh", "ltda", "sl", "sro", "zrt", "kft",
    ]

    /// The matching key for `name`; empty only when the name has no letters or digits.
    public static func key(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
        var words: [String] = []
        var lastIsInitials = false
        for word in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) {
            if word.count == 1 && lastIsInitials {
                words[words.count - 1] += word
            } else {
                words.append(word)
                lastIsInitials = word.count == 1
            }
        }
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }
}
