public import AssayCrypto

/// Every failure the bundle module reports: a stable ``code`` for scripts and a one-line ``description`` for people.
///
/// A thrown `BundleError` means "trouble" (exit status 2 in the CLI); differences between bundles are never errors
/// but entries of a ``VerificationReport``.
public enum BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path exists but could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The content is neither a directory nor a supported archive (tar, tar.gz/xz/bz2/zst, zip).
    case unrecognizedFormat(path: String)
    /// The archive ends before its last entry is complete.
    case archiveTruncated(path: String, entry: String?, reason: String)
    /// The archive is damaged (bad checksum, bad header, corrupt compressed data).
    case archiveCorrupt(path: String, entry: String?, reason: String)
    /// A file's size changed while it was being hashed.
    case fileChanged(path: String, expected: UInt64, actual: UInt64)
    /// A resource limit (entry count, total uncompressed bytes) was exceeded.
    case limitExceeded(path: String, limit: String, value: UInt64)
    /// A manifest file has a line that does not parse.
    case malformedManifest(file: String, line: Int, reason: String)
    /// A JSON manifest is not valid or contradicts itself (field named).
    case invalidManifest(file: String, field: String, reason: String)
    /// A path that the chosen manifest format cannot represent (a newline in a hashdeep name).
    case unrepresentableName(path: String, format: String)
    /// A manifest format that Assay reads but does not write.
    case unsupportedOutput(format: String)
    /// An algorithm name that Assay does not support.
    case unknownAlgorithm(name: String)
    /// Two manifests compared with different digest algorithms.
    case algorithmMismatch(expected: String, actual: String)
    /// The digest engine failed.
    case crypto(CryptoError)
    /// An archive could not be written.
    case unwritable(path: String, reason: String)
    /// An entry that extraction refuses (absolute or `..` path, a path through a symlink, a symlink or hardlink
    /// pointing out of the folder, a device file, a duplicate): nothing of the bundle is built on.
    case unsafeEntry(path: String, entry: String, reason: String)
    /// Extraction could not write into its folder.
    case extractionFailed(path: String, reason: String)
    /// A package's own checksums were asked for, and the file is not a package that carries them.
    case noOwnChecksums(path: String, reason: String)

    /// The CLI exit status for any bundle error: 2, "trouble" (0 and 1 come from ``VerificationReport/exitStatus``).
    public static let exitStatus: Int32 = 2

    /// A stable identifier, never reworded: scripts and tests match on it.
    public var code: String {
        switch self {
        case .notFound: "bundle.not-found"
        case .unreadable: "bundle.unreadable"
        case .unrecognizedFormat: "bundle.unrecognized-format"
        case .archiveTruncated: "bundle.archive-truncated"
        case .archiveCorrupt: "bundle.archive-corrupt"
        case .fileChanged: "bundle.file-changed"
        case .limitExceeded: "bundle.limit-exceeded"
        case .malformedManifest: "bundle.manifest-malformed"
        case .invalidManifest: "bundle.manifest-invalid"
        case .unrepresentableName: "bundle.unrepresentable-name"
        case .unsupportedOutput: "bundle.unsupported-output"
        case .unknownAlgorithm: "bundle.unknown-algorithm"
        case .algorithmMismatch: "bundle.algorithm-mismatch"
        case .crypto: "bundle.crypto"
        case .unwritable: "bundle.unwritable"
        case .unsafeEntry: "bundle.unsafe-entry"
        case .extractionFailed: "bundle.extraction-failed"
        case .noOwnChecksums: "bundle.no-own-checksums"
        }
    }

    /// One line for the user, naming the file, line, entry or field concerned.
    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such file or directory"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .unrecognizedFormat(let path):
            "\(path): not a directory, a supported archive (tar, tar.gz, tar.xz, tar.bz2, tar.zst, zip) or a package "
                + "(deb, rpm, ipk), or damaged"
        case .archiveTruncated(let path, let entry, let reason):
            "\(path): archive is truncated\(BundleError.at(entry)): \(reason)"
        case .archiveCorrupt(let path, let entry, let reason):
            "\(path): archive is corrupt\(BundleError.at(entry)): \(reason)"
        case .fileChanged(let path, let expected, let actual):
            "\(path): file changed while being hashed (size \(expected) became \(actual))"
        case .limitExceeded(let path, let limit, let value):
            "\(path): resource limit exceeded: more than \(value) \(limit)"
        case .malformedManifest(let file, let line, let reason): "\(file):\(line): malformed manifest line: \(reason)"
        case .invalidManifest(let file, let field, let reason):
            field.isEmpty
                ? "\(file): invalid manifest: \(reason)" : "\(file): invalid manifest field '\(field)': \(reason)"
        case .unrepresentableName(let path, let format): "\(path): name cannot be written in \(format) format"
        case .unsupportedOutput(let format): "manifests cannot be written in \(format) format (read only)"
        case .unknownAlgorithm(let name):
            "unknown digest algorithm '\(name)' (supported: \(BundleError.supportedAlgorithms))"
        case .algorithmMismatch(let expected, let actual):
            "cannot compare \(actual) digests with a \(expected) manifest; hash the bundle with \(expected)"
        case .crypto(let error): error.description
        case .unwritable(let path, let reason): "\(path): cannot write the archive: \(reason)"
        case .unsafeEntry(let path, let entry, let reason): "\(path): refused to extract '\(entry)': \(reason)"
        case .extractionFailed(let path, let reason): "\(path): cannot extract: \(reason)"
        case .noOwnChecksums(let path, let reason): "\(path): no checksums of its own to verify against: \(reason)"
        }
    }

    private static let supportedAlgorithms = DigestAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")

    private static func at(_ entry: String?) -> String {
        entry.map { " at entry '\($0)'" } ?? ""
    }
}

extension BundleError {
    /// A read failure while hashing `path`: the reader's reason without repeating the path.
    static func reading(_ path: String, _ error: CryptoError) -> BundleError {
        if case .io(_, let reason) = error { return .unreadable(path: path, reason: reason) }
        return .crypto(error)
    }

    /// Runs a digest-engine call, translating its error at the module boundary.
    static func wrapping<T>(_ body: () throws(CryptoError) -> T) throws(BundleError) -> T {
        do {
            return try body()
        } catch {
            throw .crypto(error)
        }
    }
}
