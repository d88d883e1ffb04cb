internal import CArchive
import Foundation

/// Writes a pax (POSIX.1-2001) tar file, uncompressed, with libarchive; owns the write context and frees it in
/// `deinit`.
///
/// Entries are regular files, owner-only (0600), dated `modified`, with no user or group names, so that the same
/// content always gives the same archive. Write to a temporary path and rename it once ``close()`` returns.
public final class TarWriter {
    /// The file being written.
    public let path: String
    private let archive: OpaquePointer
    private let modified: time_t
    private var closed = false

    /// Creates (or truncates) the file at `path`, owner-only; entries are dated `modified`.
    public init(path: String, modified: Date) throws(BundleError) {
        self.path = path
        self.modified = time_t(modified.timeIntervalSince1970)
        guard let archive = archive_write_new() else {
            throw BundleError.unwritable(path: path, reason: "libarchive could not allocate a writer")
        }
        self.archive = archive
        let previous = umask(0o077)
        defer { umask(previous) }
        guard archive_write_set_format_pax_restricted(archive) == ARCHIVE_OK,
            archive_write_add_filter_none(archive) == ARCHIVE_OK,
            archive_write_open_filename(archive, path) == ARCHIVE_OK
        else { throw .unwritable(path: path, reason: errorString) }
    }

    deinit {
        if !closed { archive_write_close(archive) }
        archive_write_free(archive)
    }

    /// Adds a regular file named `name` (a relative path with `/` separators) holding `bytes`.
    public func add(_ name: String, _ bytes: [UInt8]) throws(BundleError) {
        guard let entry = archive_entry_new() else {
            throw .unwritable(path: path, reason: "libarchive could not allocate an entry")
        }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname_utf8(entry, name)
        archive_entry_set_filetype(entry, assay_ae_ifreg())
        archive_entry_set_perm(entry, 0o600)
        archive_entry_set_size(entry, la_int64_t(bytes.count))
        archive_entry_set_mtime(entry, modified, 0)
        guard archive_write_header(archive, entry) == ARCHIVE_OK else {
            throw .unwritable(path: path, reason: "\(name): \(errorString)")
        }
        let written = bytes.withUnsafeBytes { buffer in
            buffer.isEmpty ? 0 : archive_write_data(archive, buffer.baseAddress, buffer.count)
        }
        guard written == bytes.count else { throw .unwritable(path: path, reason: "\(name): \(errorString)") }
    }

    /// Writes the end of the archive and closes the file.
    public func close() throws(BundleError) {
        closed = true
        guard archive_write_close(archive) == ARCHIVE_OK else { throw .unwritable(path: path, reason: errorString) }
    }

    private var errorString: String {
        archive_error_string(archive).map { String(cString: $0) } ?? String(cString: strerror(errno))
    }
}
