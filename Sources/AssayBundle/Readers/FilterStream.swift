internal import CArchive

/// Decompresses a file with libarchive's filters (xz, bzip2, zstd, lzip…) and its `raw` format, so that Assay, not
/// the tar reader, decides when the compressed stream has been read to its end.
///
/// Owns one libarchive read context and a 64 KiB buffer; frees them in `deinit`.
final class FilterStream: DecompressedStream {
    private let archive: OpaquePointer
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private(set) var filterName = ""
    let findings: [BundleFinding] = []
    /// The package member read from, kept alive as libarchive's client data; `nil` for a file.
    private let source: MemberSource?

    /// The decompressed stream of a compressed file, or `nil` when the file is not compressed or libarchive cannot
    /// start decompressing it (then the archive reader, opening the file itself, names the problem).
    static func open(path: String) -> FilterStream? {
        guard let archive = archive_read_new() else { return nil }
        let stream = FilterStream(archive)
        archive_read_support_filter_all(archive)
        archive_read_support_format_raw(archive)
        var entry: OpaquePointer?
        guard archive_read_open_filename(archive, path, 64 * 1024) == ARCHIVE_OK,
            archive_read_next_header(archive, &entry) == ARCHIVE_OK,
            archive_filter_count(archive) > 1,
            let name = ArchiveFilter.name(of: archive)
        else { return nil }
        stream.filterName = name
        return stream
    }

    /// The decompressed content of a package member; a member that is not compressed passes through as it is
    /// (``filterName`` empty). A failure names what libarchive or the outer archive found wrong.
    static func open(_ source: MemberSource) -> Result<FilterStream, StreamFailure> {
        guard let archive = archive_read_new() else {
            return .failure(StreamFailure(message: "libarchive could not allocate a reader"))
        }
        let stream = FilterStream(archive, source: source)
        archive_read_support_filter_all(archive)
        archive_read_support_format_raw(archive)
        var entry: OpaquePointer?
        let client = Unmanaged.passUnretained(source).toOpaque()
        guard archive_read_open(archive, client, nil, MemberSource.readCallback, nil) == ARCHIVE_OK,
            archive_read_next_header(archive, &entry) == ARCHIVE_OK
        else {
            let message = archive_error_string(archive).map { String(cString: $0) } ?? "empty or unreadable member"
            return .failure(StreamFailure(message: message))
        }
        stream.filterName = ArchiveFilter.name(of: archive) ?? ""
        return .success(stream)
    }

    private init(_ archive: OpaquePointer, source: MemberSource? = nil) {
        self.archive = archive
        self.source = source
    }

    deinit {
        archive_read_free(archive)
        buffer.deallocate()
    }

    func next() -> Result<Int, StreamFailure> {
        let count = archive_read_data(archive, buffer, 64 * 1024)
        guard count >= 0 else {
            let message = archive_error_string(archive).map { String(cString: $0) } ?? "decompression failed"
            return .failure(StreamFailure(message: message))
        }
        return .success(count)
    }

    var block: UnsafeRawPointer { UnsafeRawPointer(buffer) }
}

/// The short names of libarchive's compression filters, as Assay shows them in `tar.gz`, `tar.xz`….
enum ArchiveFilter {
    /// The outermost filter's name, or `nil` when there is none.
    static func name(of archive: OpaquePointer) -> String? {
        switch archive_filter_code(archive, 0) {
        case ARCHIVE_FILTER_NONE: nil
        case ARCHIVE_FILTER_GZIP: "gz"
        case ARCHIVE_FILTER_BZIP2: "bz2"
        case ARCHIVE_FILTER_XZ: "xz"
        case ARCHIVE_FILTER_ZSTD: "zst"
        default: archive_filter_name(archive, 0).map { String(cString: $0) }
        }
    }
}
