/// The outcome of verifying a bundle against an expected manifest; `Codable` as the JSON verification report
/// (`Schemas/verification-report.schema.json`).
public struct VerificationReport: Codable, Equatable, Sendable {
    /// The version of the report format.
    public static let currentFormatVersion = 1

    /// Counts by outcome.
    public struct Summary: Codable, Equatable, Sendable {
        /// Paths present on both sides with nothing differing.
        public var matched = 0
        /// Differences of kind `missing`.
        public var missing = 0
        /// Differences of kind `added`.
        public var added = 0
        /// Differences of kind `modified`.
        public var modified = 0
        /// Differences of kind `type-changed`.
        public var typeChanged = 0
        /// Differences of kind `executable-changed`.
        public var executableChanged = 0
        /// Differences of kind `target-changed`.
        public var targetChanged = 0
        /// Bundle files a files-only manifest does not list (notes, not failures).
        public var unlisted = 0
        /// Error-level findings about the bundle (unsafe paths, special files, encrypted entries…).
        public var errorFindings = 0
    }

    /// The report format version.
    public var formatVersion = VerificationReport.currentFormatVersion
    /// The digest algorithm compared.
    public var algorithm: String
    /// Whether the expected manifest could speak about unlisted paths (`complete`) or not (`files-only`).
    public var expectedCoverage: Manifest.Coverage
    /// The bundle's stripped top-level folder, shown so it is never silent.
    public var strippedPrefix: String?
    /// True when nothing differs, the bundle has no error findings and no signature check failed.
    public var clean: Bool
    /// Counts.
    public var summary: Summary
    /// Every difference, in path-byte order.
    public var differences: [Difference]
    /// Rename and name-variant clues.
    public var hints: [Hint]
    /// Bundle files a files-only manifest does not list, for display (never failures: `sha256sum -c` ignores them).
    public var unlisted: [String]
    /// What was noticed while reading the bundle.
    public var findings: [BundleFinding]
    /// The check of a signature over the expected manifest, when one was given (``recording(_:)``).
    public var signature: SignatureVerdict?
    /// What the bundle says about itself when it is a package (`.deb`, `.rpm`, `.ipk`).
    public var package: PackageMetadata?
    /// Set when the expected listing was the package's own checksums list rather than a manifest given by the user.
    public var ownChecksums: OwnChecksumsCheck?

    /// The CLI exit status: 0 when clean, 1 for differences, error findings or a bad signature.
    ///
    /// Status 2, trouble, is any thrown ``BundleError``.
    public var exitStatus: Int32 { clean ? 0 : 1 }
}
