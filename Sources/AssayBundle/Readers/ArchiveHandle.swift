internal import CArchive
import Foundation

/// Owns one libarchive read context, opened on a file, and frees it in `deinit`.
///
/// Only tar (ustar, pax, GNU) and zip are enabled, behind any compression filter (gzip, xz, bzip2, zstd…): the
/// format is detected from content, never from the file name.
final class ArchiveHandle {
    let path: String
    private let archive: OpaquePointer
    /// Set when Assay inflates a gzip file itself (to check its CRC); kept alive as libarchive's client data.
    private let gzip: GzipStream?

    init(path: String) throws(BundleError) {
        self.path = path
        gzip = GzipStream.isGzip(path: path) ? try GzipStream.open(path: path) : nil
        guard let archive = archive_read_new() else {
            throw BundleError.unreadable(path: path, reason: "libarchive could not allocate a reader")
        }
        self.archive = archive
        archive_read_support_filter_all(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_format_gnutar(archive)
        archive_read_support_format_zip(archive)
        let status =
            if let gzip {
                archive_read_open(archive, Unmanaged.passUnretained(gzip).toOpaque(), nil, GzipStream.readCallback, nil)
            } else {
                archive_read_open_filename(archive, path, 64 * 1024)
            }
        guard status == ARCHIVE_OK else {
            if isFormatError { throw BundleError.unrecognizedFormat(path: path) }
            // A system errno means the file could not be read; libarchive's own errors mean damaged data.
            throw archive_errno(archive) > 0
                ? BundleError.unreadable(path: path, reason: errorString) : failure(entry: nil)
        }
    }

    deinit { archive_read_free(archive) }

    /// libarchive's message for the last failure.
    var errorString: String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    /// Whether the last failure was "this is not an archive format we read" (libarchive's private
    /// `ARCHIVE_ERRNO_FILE_FORMAT`, which is `EILSEQ` on Linux).
    var isFormatError: Bool { archive_errno(archive) == EILSEQ }

    /// Whether the archive is a zip (known once the first header is read).
    var isZip: Bool { archive_format(archive) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_ZIP }

    /// The next header, `nil` at the end of the archive.
    func nextHeader() throws(BundleError) -> ArchiveHeader? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else { throw failure(entry: nil) }
        return ArchiveHeader(entry, isZip: isZip)
    }

    /// Reads up to `capacity` content bytes of the current entry; an empty array at its end.
    func readData(capacity: Int, entry: String) throws(BundleError) -> [UInt8] {
        var count = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            count = archive_read_data(archive, buffer.baseAddress, capacity)
            initialized = max(0, count)
        }
        guard count >= 0 else { throw failure(entry: entry) }
        return chunk
    }

    /// Skips the current entry's content.
    func skipData(entry: String) throws(BundleError) {
        guard archive_read_data_skip(archive) >= ARCHIVE_WARN else { throw failure(entry: entry) }
    }

    /// A short name for what was read: `tar`, `tar.gz`, `tar.xz`, `tar.bz2`, `tar.zst`, `zip`.
    var formatName: String {
        let base = isZip ? "zip" : "tar"
        let filter: String? =
            switch gzip == nil ? archive_filter_code(archive, 0) : ARCHIVE_FILTER_GZIP {
            case ARCHIVE_FILTER_NONE: nil
            case ARCHIVE_FILTER_GZIP: "gz"
            case ARCHIVE_FILTER_BZIP2: "bz2"
            case ARCHIVE_FILTER_XZ: "xz"
            case ARCHIVE_FILTER_ZSTD: "zst"
            default: archive_filter_name(archive, 0).map { String(cString: $0) }
            }
        return filter.map { "\(base).\($0)" } ?? base
    }

    /// The error for the last failure: truncation when libarchive says so, corruption otherwise.
    private func failure(entry: String?) -> BundleError {
        let reason = errorString
        let lowered = reason.lowercased()
        if lowered.contains("truncated") || lowered.contains("premature end") || lowered.contains("unexpected end")
            || lowered.contains("no progress is possible")
        {
            return .archiveTruncated(path: path, entry: entry, reason: reason)
        }
        return .archiveCorrupt(path: path, entry: entry, reason: reason)
    }
}
