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

    init(_ entry: OpaquePointer) {
        path = Self.bytes(archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry))
        executable = archive_entry_perm(entry) & 0o100 != 0
        isEncrypted = archive_entry_is_encrypted(entry) != 0
        declaredSize = archive_entry_size_is_set(entry) != 0 ? UInt64(max(0, archive_entry_size(entry))) : nil
        let fileType = UInt32(archive_entry_filetype(entry))
        if let hardlink = archive_entry_hardlink_utf8(entry) ?? archive_entry_hardlink(entry) {
            kind = .hardlink
            linkTarget = Self.bytes(hardlink)
        } else if fileType == assay_ae_iflnk() {
            kind = .symlink
            linkTarget = Self.bytes(archive_entry_symlink_utf8(entry) ?? archive_entry_symlink(entry))
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
