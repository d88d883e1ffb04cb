/// One way a bundle departs from its expected manifest, at one path.
public struct Difference: Codable, Equatable, Sendable {
    /// The kinds of difference; raw values are stable identifiers.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Listed in the manifest, absent from the bundle.
        case missing
        /// In the bundle, absent from a complete manifest.
        case added
        /// Content or size differs.
        case modified
        /// File, directory and symlink swapped.
        case typeChanged = "type-changed"
        /// The executable bit differs.
        case executableChanged = "executable-changed"
        /// A symlink points elsewhere.
        case targetChanged = "target-changed"
    }

    /// The path for display (non-UTF-8 bytes as `\xHH`).
    public var path: String
    /// The exact path bytes in hex, only when the path is not UTF-8.
    public var pathHex: String?
    /// What differs.
    public var kind: Kind
    /// The manifest's record, absent for `added`.
    public var expected: EntryState?
    /// The bundle's record, absent for `missing`.
    public var actual: EntryState?
    /// The algorithm of the digests shown, when it is not the report's own: the difference was found by one of
    /// the manifest's other listings (a `.dsc`'s `Files` MD5 beside its `Checksums-Sha256`).
    public var algorithm: String?

    init(_ path: EntryPath, _ kind: Kind, expected: BundleEntry?, actual: BundleEntry?) {
        let text = PathText(path)
        self.path = text.text
        self.pathHex = text.hex
        self.kind = kind
        self.expected = expected.map(EntryState.init)
        self.actual = actual.map(EntryState.init)
    }
}

/// A clue about differences that never turns a failure into a pass.
public struct Hint: Codable, Equatable, Sendable {
    /// The kinds of hint; raw values are stable identifiers.
    public enum Kind: String, Codable, Sendable {
        /// A missing and an added path share a digest found nowhere else among them.
        case possibleRename = "possible-rename"
        /// A missing and an added path are the same text in another Unicode normalisation (NFC vs NFD).
        case unicodeVariant = "unicode-variant"
        /// A missing and an added path differ only by case.
        case caseVariant = "case-variant"
    }

    /// What the hint suggests.
    public var kind: Kind
    /// The expected (missing) path.
    public var from: String
    /// The path found instead.
    public var to: String
    /// One line for the user.
    public var message: String
}

extension Difference: CustomStringConvertible {
    /// One line for people: the kind, the path, and what changed, e.g. `modified Sources/a.c (size 120 → 96)`.
    public var description: String {
        let detail: String? =
            switch kind {
            case .missing, .added: nil
            case .modified:
                expected?.size != actual?.size
                    ? "size \(expected?.size.map(String.init) ?? "?") → \(actual?.size.map(String.init) ?? "?")"
                    : "content differs"
            case .typeChanged: "\(expected?.type.rawValue ?? "?") → \(actual?.type.rawValue ?? "?")"
            case .executableChanged: actual?.executable == true ? "now executable" : "no longer executable"
            case .targetChanged: "\(expected?.target ?? "?") → \(actual?.target ?? "?")"
            }
        return "\(kind.rawValue) \(path)" + (detail.map { " (\($0))" } ?? "")
    }
}
