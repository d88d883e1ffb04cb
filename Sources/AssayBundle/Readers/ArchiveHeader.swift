internal import CArchive
import Foundation

/// The fields Assay uses from one libarchive entry header, copied out while the header is valid.
struct ArchiveHeader {
    enum Kind {
        case file, directory, symlink, hardlink, special
    }

    let path: [UInt8]
    let kind: Kind
    let executable: Bool
    let linkTarget: [UInt8]?
    let isEncrypted: Bool
    let declaredSize: UInt64?

    /// Copies the header, read in the C locale so that names are their stored bytes. For a zip, `localName` is the
    /// member's name from its local header, used when libarchive gives none (a UTF-8-flagged name it cannot convert
    /// to ASCII) or the same bytes; a zip name that is not valid UTF-8 is decoded as CP437, the zip specification's
    /// charset when the UTF-8 flag is absent. (Valid UTF-8 without the flag is kept: Info-ZIP in a C locale writes
    /// UTF-8 names without setting it.)
    init(_ entry: OpaquePointer, isZip: Bool, localName: [UInt8]?) {
        let reported = Self.bytes(archive_entry_pathname(entry))
        let name = localName.map { reported.isEmpty || reported == $0 ? $0 : reported } ?? reported
        path = isZip && String(validating: name, as: UTF8.self) == nil ? CodePage437.utf8(name) : name
        executable = archive_entry_perm(entry) & 0o100 != 0
        isEncrypted = archive_entry_is_encrypted(entry) != 0
        declaredSize = archive_entry_size_is_set(entry) != 0 ? UInt64(max(0, archive_entry_size(entry))) : nil
        let fileType = UInt32(archive_entry_filetype(entry))
        if let hardlink = archive_entry_hardlink(entry) {
            kind = .hardlink
            linkTarget = Self.bytes(hardlink)
        } else if fileType == assay_ae_iflnk() {
            kind = .symlink
            linkTarget = Self.bytes(archive_entry_symlink(entry))
        } else {
            kind = fileType == assay_ae_ifreg() ? .file : fileType == assay_ae_ifdir() ? .directory : .special
            linkTarget = nil
        }
    }

    private static func bytes(_ text: UnsafePointer<CChar>?) -> [UInt8] {
        guard let text else { return [] }
        return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
    }
}
