internal import CArchive
import Foundation

/// Owns one libarchive read context, opened on a file or on a decompressed stream, and frees it in `deinit`.
///
/// Only the ``ArchiveFormats`` asked for are enabled (tar and zip for bundles), behind any compression filter (gzip,
/// xz, bzip2, zstd…): the format is detected from content, never from the file name. A compressed file is
/// decompressed by a ``DecompressedStream`` that libarchive reads from, so ``finish()`` can read it to its end after
/// the last entry.
final class ArchiveHandle {
    let path: String
    private let archive: OpaquePointer
    /// Set for a compressed file; kept alive as libarchive's client data.
    private let feed: StreamFeed?

    /// Opens the archive file at `path`, decompressing it first when it is compressed.
    convenience init(path: String, formats: ArchiveFormats = .tarOrZip) throws(BundleError) {
        let stream: (any DecompressedStream)? =
            GzipStream.isGzip(path: path) ? try GzipStream.open(path: path) : FilterStream.open(path: path)
        try self.init(path: path, stream: stream.map(ThreadedStream.init), formats: formats)
    }

    /// Opens an archive read from `stream`, or from the file at `path` when there is none; `path` names the archive
    /// in errors.
    init(path: String, stream: (any DecompressedStream)?, formats: ArchiveFormats) throws(BundleError) {
        self.path = path
        feed = stream.map(StreamFeed.init)
        guard let archive = archive_read_new() else {
            throw BundleError.unreadable(path: path, reason: "libarchive could not allocate a reader")
        }
        self.archive = archive
        archive_read_support_filter_all(archive)
        formats.enable(on: archive)
        let status =
            if let feed {
                archive_read_open(archive, Unmanaged.passUnretained(feed).toOpaque(), nil, StreamFeed.readCallback, nil)
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

    /// The next header, `nil` at the end of the archive. A zip's members are matched, in order, with the names
    /// its local headers store (``ZipDirectory``), read when the first header shows the file is a zip.
    func nextHeader() throws(BundleError) -> ArchiveHeader? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else { throw failure(entry: nil) }
        if isZip && zipRecords == nil { zipRecords = ZipDirectory(path: path).records() }
        let localName = headersRead < (zipRecords?.count ?? 0) ? zipRecords?[headersRead].localName : nil
        headersRead += 1
        return ArchiveHeader(entry, isZip: isZip, localName: localName)
    }

    /// A zip's members by local header offset, once the first header is read; `nil` for a tar.
    private(set) var zipRecords: [ZipDirectory.Record]?
    private var headersRead = 0

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

    /// Reads up to `buffer.count` content bytes of the current entry into the start of `buffer`; 0 at its end.
    func readData(into buffer: inout [UInt8], entry: String) throws(BundleError) -> Int {
        let count = buffer.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw failure(entry: entry) }
        return count
    }

    /// Reads up to `capacity` content bytes of the current entry into `buffer`; 0 at its end.
    func readData(into buffer: UnsafeMutableRawPointer, capacity: Int, entry: String) throws(BundleError) -> Int {
        let count = archive_read_data(archive, buffer, capacity)
        guard count >= 0 else { throw failure(entry: entry) }
        return count
    }

    /// Skips the current entry's content.
    func skipData(entry: String) throws(BundleError) {
        guard archive_read_data_skip(archive) >= ARCHIVE_WARN else { throw failure(entry: entry) }
    }

    /// A short name for what was read: `tar`, `tar.gz`, `tar.xz`, `tar.bz2`, `tar.zst`, `zip`.
    var formatName: String {
        let base = isZip ? "zip" : "tar"
        return (feed?.stream.filterName ?? ArchiveFilter.name(of: archive)).map { "\(base).\($0)" } ?? base
    }

    /// After the last entry: reads a compressed file to its end, so a truncated or corrupt tail (gzip trailer,
    /// xz index, bzip2 or zstd end of stream) is an error, and returns what the stream noticed (trailing garbage).
    func finish() throws(BundleError) -> [BundleFinding] {
        guard let feed else { return [] }
        if let failure = feed.drain() { throw Self.classify(failure.message, path: path, entry: nil) }
        return feed.stream.findings
    }

    /// The error for the last failure: truncation when libarchive says so, corruption otherwise.
    private func failure(entry: String?) -> BundleError {
        Self.classify(errorString, path: path, entry: entry)
    }

    /// A read failure's reason as truncation (the data ends too early) or corruption.
    static func classify(_ reason: String, path: String, entry: String?) -> BundleError {
        let lowered = reason.lowercased()
        if lowered.contains("truncated") || lowered.contains("premature end") || lowered.contains("unexpected end")
            || lowered.contains("no progress is possible")
        {
            return .archiveTruncated(path: path, entry: entry, reason: reason)
        }
        return .archiveCorrupt(path: path, entry: entry, reason: reason)
    }
}
