import AssayCrypto

/// A package verified against the checksums list it carries (a `.deb`'s `md5sums`): which list, in which algorithm,
/// and what such a check is worth.
public struct OwnChecksumsCheck: Codable, Equatable, Sendable {
    /// The list inside the package: `control.tar.xz/md5sums`.
    public var file: String
    /// Its digest algorithm: `md5`.
    public var algorithm: String
    /// Always `consistency`: the list travels inside the package it describes (whoever changes the payload can
    /// change the list) and MD5 is broken, so a match shows an intact, self-consistent package, never an authentic
    /// one.
    public var strength = "consistency"

    /// Records a check against the list at `file`, in `algorithm`.
    public init(file: String, algorithm: String) {
        self.file = file
        self.algorithm = algorithm
    }

    /// The one-line caution shown with the report.
    public var note: String {
        "checked against the package's own \(file) (\(algorithm.uppercased()), a weak digest): a consistency check, "
            + "not a security check"
    }
}

extension Verifier {
    /// Verifies a package's payload against the checksums list the package carries: a `.deb`'s or an `.ipk`'s
    /// `md5sums` (coreutils lines, MD5, paths as installed), read from its control member.
    ///
    /// The list covers files only, and not conffiles (dpkg leaves them out): files it does not list are
    /// ``VerificationReport/unlisted``, never failures. ``VerificationReport/ownChecksums`` records that the
    /// expectation came from the package itself. Throws ``BundleError/noOwnChecksums(path:reason:)`` for a file
    /// that is not a package or a package without such a list.
    public static func verify(ownChecksumsOfPackageAt path: String, options: ReadOptions = ReadOptions())
        throws(BundleError) -> VerificationReport
    {
        guard let format = PackageDetection.format(of: path) else {
            _ = try BundleReader.read(at: path, as: .file, options: options)  // a missing or unreadable file says so
            throw BundleError.noOwnChecksums(path: path, reason: "not a package (deb, rpm, ipk)")
        }
        var options = options
        options.algorithm = .md5
        let read = try PackageRead.read(at: path, format: format, options: options)
        guard let own = read.checksums else {
            let reason =
                format == .rpm
                ? "the file digests in an rpm's header are not read (verify it against a manifest instead)"
                : "its control member has no md5sums"
            throw BundleError.noOwnChecksums(path: path, reason: reason)
        }
        let expected = try ManifestCodec.decode(own.bytes, file: "\(path): \(own.file)", format: .gnu, algorithm: .md5)
        var report = try verify(read.manifest, against: expected)
        report.ownChecksums = OwnChecksumsCheck(file: own.file, algorithm: DigestAlgorithm.md5.rawValue)
        return report
    }

    /// Verifies the bundle at `path` against another bundle read the same way: an extracted tree, an archive or
    /// another package. Every path counts, as against a complete manifest.
    public static func verify(
        bundleAt path: String,
        as kind: BundleReader.Kind = .auto,
        againstBundleAt reference: String,
        options: ReadOptions = ReadOptions()
    ) throws(BundleError) -> VerificationReport {
        let expected = try BundleReader.read(at: reference, options: options)
        return try verify(bundleAt: path, as: kind, against: expected, options: options)
    }
}
