internal import CArchive
import Foundation

/// Recognises a package file from its content, never from its name alone: an ar archive whose first member is
/// `debian-binary` (deb(5); opkg's ar layout), a gzip-compressed tar whose first member is `debian-binary` (opkg's
/// tar layout), or the rpm lead magic `ed ab ee db`. The file name only tells a `.ipk` in ar form from a `.deb`.
enum PackageDetection {
    /// The package format of the file at `path`, or `nil` when it is not a package.
    static func format(of path: String) -> PackageMetadata.Format? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = Array((try? handle.read(upToCount: 24)) ?? Data())
        if head.starts(with: [0xED, 0xAB, 0xEE, 0xDB]) { return .rpm }
        if head.starts(with: Array("!<arch>\n".utf8)), head.count == 24,
            isDebianBinary(Array(head[8..<24]).reversed().drop { $0 == 0x20 }.reversed())
        {
            return path.hasSuffix(".ipk") || path.hasSuffix(".opk") ? .ipk : .deb
        }
        if head.starts(with: [0x1F, 0x8B]), firstTarMember(of: path).map(isDebianBinary) == true { return .ipk }
        return nil
    }

    /// `debian-binary`, as ar (`debian-binary/` in GNU ar) or tar (`./debian-binary`) stores it.
    static func isDebianBinary(_ name: [UInt8]) -> Bool {
        var name = name[...]
        if name.starts(with: Array("./".utf8)) { name = name.dropFirst(2) }
        if name.last == UInt8(ascii: "/") { name = name.dropLast() }
        return name.elementsEqual("debian-binary".utf8)
    }

    /// The name of the first member of a compressed tar, without reading further.
    private static func firstTarMember(of path: String) -> [UInt8]? {
        let previousLocale = assay_use_c_locale()
        defer { assay_restore_locale(previousLocale) }
        guard let archive = archive_read_new() else { return nil }
        defer { archive_read_free(archive) }
        archive_read_support_filter_gzip(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_format_gnutar(archive)
        var entry: OpaquePointer?
        guard archive_read_open_filename(archive, path, 16 * 1024) == ARCHIVE_OK,
            archive_read_next_header(archive, &entry) >= ARCHIVE_WARN, let entry,
            let name = archive_entry_pathname(entry)
        else { return nil }
        return Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
    }
}
