import AssayCrypto
internal import CArchive
import Foundation

/// Extracts a bundle (a directory tree, a tar, tar.gz/xz/bz2/zst or zip) into a new folder, streaming from the
/// readers ``BundleReader`` uses, so that nothing of it lands outside that folder.
///
/// Any hostile entry refuses the whole extraction with ``BundleError/unsafeEntry(path:entry:reason:)`` naming it,
/// and the partial folder is removed: absolute names and `..` components, entries placed through a symlink of the
/// bundle, symlinks whose target leaves the folder (resolved through the bundle's other links), hardlinks to
/// anything but an earlier file of the bundle, device files, FIFOs and sockets, encrypted members, duplicates, a
/// zip whose local and central names disagree, and entries outside the top-level folder being stripped. Files are
/// created with `O_EXCL | O_NOFOLLOW` below folders opened without following links; only the executable bit is
/// kept (0755 or 0644); every entry is dated `modified`, so two extractions of one bundle are the same tree.
public struct BundleExtractor {
    /// The digest algorithm of the returned manifest and the entry and byte limits.
    public var options: ReadOptions

    /// Creates an extractor.
    public init(options: ReadOptions = ReadOptions()) { self.options = options }

    /// Extracts the bundle at `path` into `folder`, which is created and must not exist.
    ///
    /// - Parameters:
    ///   - prefix: the bundle's single top-level folder to remove from every path, as its read stripped it
    ///     (``Manifest/strippedPrefix``); every entry must then lie inside it.
    ///   - modified: the time, in seconds since the epoch, given to every file, folder and link.
    /// - Returns: the manifest of what was written, its digests computed from the bytes as they were written, for
    ///   comparing with the manifest the bundle was verified against.
    public func extract(
        bundleAt path: String, into folder: String, stripping prefix: EntryPath? = nil, modified: Int = 0
    ) throws(BundleError) -> Manifest {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT
                ? BundleError.notFound(path: path)
                : BundleError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        // Names are read in the C locale, so that they are the stored bytes (as ``BundleReader`` reads them).
        let previousLocale = assay_use_c_locale()
        defer { assay_restore_locale(previousLocale) }
        let source: any ExtractionSource
        switch info.st_mode & S_IFMT {
        case S_IFDIR: source = try DirectorySource(path: path, limits: options.limits)
        case S_IFREG: source = try ArchiveSource(path: path)
        default: throw BundleError.unrecognizedFormat(path: path)
        }
        let target = try ExtractionFolder(creating: folder)
        do {
            let hasher = try BundleError.wrapping { () throws(CryptoError) in try DigestContext(options.algorithm) }
            var extraction = Extraction(
                bundle: path, folder: target, source: source, prefix: prefix, limits: options.limits,
                hasher: hasher, modified: modified)
            let entries = try extraction.run()
            try target.finish()
            return try Manifest(
                algorithm: options.algorithm, coverage: .complete, source: source.formatName, entries: entries,
                strippedPrefix: prefix, toolVersion: options.toolVersion)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }
}
