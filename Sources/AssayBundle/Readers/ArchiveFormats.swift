internal import CArchive

/// The archive formats an ``ArchiveHandle`` reads; any other format is "not an archive".
enum ArchiveFormats {
    /// tar (ustar, pax, GNU) and zip: a bundle.
    case tarOrZip
    /// tar only: a package's `data.tar.*` or `control.tar.*` member, read from inside the package.
    case tar
    /// ar or tar: the outside of a `.deb` or an `.ipk`.
    case arOrTar
    /// cpio: an rpm's payload, behind libarchive's rpm filter, which skips the lead and the headers.
    case cpio

    func enable(on archive: OpaquePointer) {
        switch self {
        case .tarOrZip, .tar, .arOrTar:
            archive_read_support_format_tar(archive)
            archive_read_support_format_gnutar(archive)
            if self == .tarOrZip { archive_read_support_format_zip(archive) }
            if self == .arOrTar { archive_read_support_format_ar(archive) }
        case .cpio:
            archive_read_support_format_cpio(archive)
        }
    }
}
