/// Something a reader noticed about a bundle that is not a difference: unsafe paths, special files, encrypted
/// entries, name variants, build instructions.
public struct Finding: Hashable, Sendable, Codable {
    /// How much a finding matters.
    public enum Severity: String, Codable, Sendable, Comparable {
        /// Informational (build instructions found, a stripped prefix).
        case info
        /// Worth a look but not a failure (names that differ only by case or Unicode normalisation).
        case warning
        /// The bundle cannot be trusted as-is: verification is never clean while one is present.
        case error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// What was found; the raw values are stable identifiers.
    public enum Kind: String, Codable, Sendable {
        case absolutePath = "absolute-path"
        case parentComponent = "parent-component"
        case invalidName = "invalid-name"
        case duplicateEntry = "duplicate-entry"
        case caseVariant = "case-variant"
        case unicodeVariant = "unicode-variant"
        case symlinkOutside = "symlink-outside"
        case specialFile = "special-file"
        case encryptedEntry = "encrypted-entry"
        case unresolvedHardlink = "unresolved-hardlink"
        case buildInstructions = "build-instructions"
        case noBuildInstructions = "no-build-instructions"
        case strippedPrefix = "stripped-prefix"
    }

    /// What was found.
    public var kind: Kind
    /// How much it matters.
    public var severity: Severity
    /// The path concerned, for display (non-UTF-8 bytes shown as `\xHH`), or `nil` for the bundle as a whole.
    public var path: String?
    /// One line for the user.
    public var message: String

    /// The finding as one line for people: severity, the path when there is one, and the message.
    public var line: String {
        "\(severity.rawValue): " + (path.map { "\($0): " } ?? "") + message
    }

    /// Creates a finding.
    public init(_ kind: Kind, _ severity: Severity, path: EntryPath?, _ message: String) {
        self.kind = kind
        self.severity = severity
        self.path = path?.description
        self.message = message
    }
}
