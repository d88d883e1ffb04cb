/// Something a reader noticed about a bundle that is not a difference: unsafe paths, special files, encrypted
/// entries, name variants, build instructions.
public struct BundleFinding: Hashable, Sendable, Codable {
    /// How much a finding matters.
    public enum Level: String, Codable, Sendable, Comparable {
        /// Informational (build instructions found, a stripped prefix).
        case info
        /// Worth a look but not a failure (names that differ only by case or Unicode normalisation).
        case warning
        /// The bundle cannot be trusted as-is: verification is never clean while one is present.
        case error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    /// What was found; the raw values are stable identifiers.
    public enum Kind: String, Codable, Sendable {
        /// An archive member with an absolute path (error; not recorded).
        case absolutePath = "absolute-path"
        /// An archive member with a `..` component (error; not recorded).
        case parentComponent = "parent-component"
        /// An empty name or a NUL byte in a name (error; not recorded).
        case invalidName = "invalid-name"
        /// The same path twice in an archive (error; the last one is recorded, as extractors keep it).
        case duplicateEntry = "duplicate-entry"
        /// Names that differ only by case (warning; both recorded).
        case caseVariant = "case-variant"
        /// Names equal under Unicode normalisation, such as NFC and NFD (warning; both recorded).
        case unicodeVariant = "unicode-variant"
        /// A symlink whose target leaves the bundle (warning).
        case symlinkOutside = "symlink-outside"
        /// A zip member whose local header and central directory name differ (error; extractors disagree on it).
        case headerMismatch = "header-mismatch"
        /// A FIFO, socket or device (error; never opened).
        case specialFile = "special-file"
        /// An encrypted or password-protected archive member (error; cannot be hashed).
        case encryptedEntry = "encrypted-entry"
        /// A tar hardlink to no earlier file (error; not recorded).
        case unresolvedHardlink = "unresolved-hardlink"
        /// Build instructions found at the top level (info).
        case buildInstructions = "build-instructions"
        /// No build instructions at the top level (warning).
        case noBuildInstructions = "no-build-instructions"
        /// The archive's single top-level folder was stripped (info).
        case strippedPrefix = "stripped-prefix"
        /// An entry whose parent path is a symlink of the same bundle (error; not recorded).
        case pathThroughSymlink = "path-through-symlink"
        /// A path longer or deeper than the limits (error; not recorded, a folder not descended into).
        case pathLimit = "path-limit"
        /// Bytes after the end of a compressed stream that are neither another member nor zero padding (error).
        case trailingData = "trailing-data"
        /// A bag's `Payload-Oxum` that does not match its payload's bytes and files (error).
        case payloadOxum = "payload-oxum"
        /// A file a bag's `fetch.txt` lists that the bag does not hold (error; never fetched).
        case fetchItem = "fetch-item"
        /// An SPDX package verification code that does not match its files' SHA-1s (warning; a fault of the SBOM).
        case verificationCode = "verification-code"
    }

    /// What was found.
    public var kind: Kind
    /// How much it matters.
    public var severity: Level
    /// The path concerned, for display (non-UTF-8 bytes shown as `\xHH`), or `nil` for the bundle as a whole.
    public var path: String?
    /// One line for the user.
    public var message: String

    /// The finding as one line for people: severity, the path when there is one, and the message.
    public var line: String {
        "\(severity.rawValue): " + (path.map { "\($0): " } ?? "") + message
    }

    /// Creates a finding.
    public init(_ kind: Kind, _ severity: Level, path: EntryPath?, _ message: String) {
        self.kind = kind
        self.severity = severity
        self.path = path?.description
        self.message = message
    }
}
