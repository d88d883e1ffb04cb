import AssayCore
public import AssayCrypto

/// The entry list of a bundle, sorted by path bytes, with what was noticed while reading it and its bundle digest.
///
/// A manifest is immutable: its ``totals`` and ``bundleDigest`` are derived from its entries when it is created.
public struct Manifest: Equatable, Sendable {
    /// The version of Assay's manifest format (`formatVersion` in the JSON form).
    public static let formatVersion = 1
    /// The tool version written into manifests Assay produces.
    public static let toolVersion = "assay \(AssayVersion.current)"

    /// Whether a manifest lists every path of its bundle or only some files.
    public enum Coverage: String, Codable, Sendable {
        /// Every file, directory and symlink (Assay's own manifests and bundles read from disk).
        case complete
        /// Files only, as listed by sha256sum, BSD, BagIt or hashdeep manifests: unlisted paths cannot be "added".
        case filesOnly = "files-only"
    }

    /// The digest algorithm of every entry digest and of the bundle digest.
    public let algorithm: DigestAlgorithm
    /// Whether this manifest can speak about unlisted paths.
    public let coverage: Coverage
    /// The tool that wrote the manifest.
    public let toolVersion: String
    /// What the bundle was read from (`directory`, `tar.gz`, `zip`…) or the manifest format it was parsed from.
    public let source: String
    /// The single top-level folder removed from archive paths, shown to the user, never silent.
    public let strippedPrefix: EntryPath?
    /// Entries sorted by path bytes, one per path.
    public let entries: EntryList
    /// What readers and checks noticed.
    public let findings: [BundleFinding]
    /// Counts and bytes.
    public let totals: Totals
    /// One digest over the canonical entry list (complete manifests only); equal for a tree and its archives.
    public let bundleDigest: Digest?
    /// What a package (`.deb`, `.rpm`, `.ipk`) says about itself, when the bundle is a package's payload; never part
    /// of the bundle digest.
    public let package: PackageMetadata?
    /// The same kind of listing in other algorithms, each checked too (a `.dsc`'s `Checksums-Sha1` and `Files`
    /// beside its `Checksums-Sha256`); empty for most manifests.
    public let alternates: [Manifest]

    /// Creates a manifest; entries are sorted by path bytes and must be unique (the readers and parsers ensure it).
    public init(
        algorithm: DigestAlgorithm,
        coverage: Coverage,
        source: String,
        entries: [BundleEntry],
        findings: [BundleFinding] = [],
        strippedPrefix: EntryPath? = nil,
        toolVersion: String = Manifest.toolVersion,
        alternates: [Manifest] = [],
        package: PackageMetadata? = nil
    ) throws(BundleError) {
        var list = EntryList(entries)
        list.sortByPath()
        try self.init(
            algorithm: algorithm, coverage: coverage, source: source, sorted: list, findings: findings,
            strippedPrefix: strippedPrefix, toolVersion: toolVersion, alternates: alternates, package: package)
    }

    /// Creates a manifest of entries already sorted by path bytes, without copying them.
    init(
        algorithm: DigestAlgorithm,
        coverage: Coverage,
        source: String,
        sorted entries: EntryList,
        findings: [BundleFinding] = [],
        strippedPrefix: EntryPath? = nil,
        toolVersion: String = Manifest.toolVersion,
        alternates: [Manifest] = [],
        package: PackageMetadata? = nil
    ) throws(BundleError) {
        self.algorithm = algorithm
        self.package = package
        self.alternates = alternates
        self.coverage = coverage
        self.source = source
        self.entries = entries
        self.findings = findings
        self.strippedPrefix = strippedPrefix
        self.toolVersion = toolVersion
        self.totals = Totals(entries)
        self.bundleDigest = coverage == .complete ? try BundleDigest.compute(entries, algorithm: algorithm) : nil
    }

    /// Whether any finding is an error (unsafe path, special file, encrypted entry...).
    public var hasErrorFindings: Bool { findings.contains { $0.severity == .error } }

    /// The entry at a path, by binary search over the sorted entries.
    public func entry(at path: EntryPath) -> BundleEntry? {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries.pathBytes(mid).lexicographicallyPrecedes(path.bytes) { low = mid + 1 } else { high = mid }
        }
        return low < entries.count && entries.pathBytes(low).elementsEqual(path.bytes) ? entries[low] : nil
    }
}

/// Counts of a manifest's entries by type, and the bytes of its files.
public struct Totals: Equatable, Sendable, Codable {
    /// Regular files.
    public var files: Int
    /// Directories.
    public var directories: Int
    /// Symbolic links.
    public var symlinks: Int
    /// The sum of file sizes that are known.
    public var bytes: UInt64

    init(_ entries: EntryList) {
        (files, directories, symlinks, bytes) = (0, 0, 0, 0)
        for index in entries.indices {
            let record = entries.record(index)
            switch record.type {
            case .file:
                files += 1
                bytes += record.flags.contains(.hasSize) ? record.size : 0
            case .directory: directories += 1
            case .symlink: symlinks += 1
            }
        }
    }
}
