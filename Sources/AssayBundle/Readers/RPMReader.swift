internal import CArchive

/// Reads an rpm as the bundle of its installed payload: the header gives the package's metadata, then libarchive's
/// rpm filter skips lead and headers and the compressed cpio payload is read as a stream (paths as installed,
/// `usr/bin/hello`), to the end of its compressed data, with every path check and limit of an archive bundle.
struct RPMReader {
    let path: String
    let options: ReadOptions

    func read() throws(BundleError) -> PackageRead {
        let header = try RPMHeader.read(path: path)
        let previousLocale = assay_use_c_locale()
        defer { assay_restore_locale(previousLocale) }
        let payloadName = "\(header.payloadFormat ?? "cpio").\(header.payloadCompressor ?? "gzip")"
        var payload: (entries: EntryList, findings: [BundleFinding])
        do {
            payload = try ArchiveReader(path: path, options: options).entries(
                of: ArchiveHandle(path: path, formats: .cpio))
        } catch {
            throw PackageReader.naming("payload \(payloadName)", in: error)
        }
        var assembler = ManifestAssembler(
            options: options, source: PackageMetadata.Format.rpm.rawValue, mayStripPrefix: false)
        assembler.package = PackageMetadata(
            format: .rpm, name: header.name,
            version: header.version.map { version in header.epoch.map { "\($0):\(version)" } ?? version },
            release: header.release, architecture: header.arch, members: ["lead", "signature", "header", "payload"],
            payload: payloadName)
        return PackageRead(
            manifest: try assembler.assemble(&payload.entries, findings: payload.findings), checksums: nil)
    }
}
